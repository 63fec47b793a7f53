import Foundation

/// Embedded video players from YouTube and Vimeo, always in their privacy-enhanced form: YouTube's
/// `youtube-nocookie.com` and Vimeo's `dnt=1` set no tracking cookies until the learner plays.
public enum RemotePlayer {
    /// The privacy-enhanced embed address of a YouTube or Vimeo video page or embed URL; nil for anything else.
    public static func embedURL(for url: String) -> String? {
        guard let components = URLComponents(string: url), components.scheme?.lowercased() == "https",
            let host = components.host?.lowercased()
        else { return nil }
        let path = components.path.split(separator: "/").map(String.init)
        let idCharacters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
        func valid(_ id: String?) -> String? {
            guard let id, !id.isEmpty, id.count <= 64, id.unicodeScalars.allSatisfy(idCharacters.contains) else { return nil }
            return id
        }
        switch host {
        case "www.youtube.com", "youtube.com", "m.youtube.com":
            if path.first == "watch" { return youtube(valid(components.queryItems?.first { $0.name == "v" }?.value)) }
            if path.first == "embed", path.count == 2 { return youtube(valid(path[1])) }
            return nil
        case "youtu.be":
            return youtube(valid(path.first))
        case "www.youtube-nocookie.com", "youtube-nocookie.com":
            return path.first == "embed" && path.count == 2 ? youtube(valid(path[1])) : nil
        case "vimeo.com", "www.vimeo.com":
            return vimeo(path.count == 1 && path[0].allSatisfy(\.isNumber) ? path[0] : nil)
        case "player.vimeo.com":
            return vimeo(path.count == 2 && path[0] == "video" && path[1].allSatisfy(\.isNumber) ? path[1] : nil)
        default:
            return nil
        }
    }

    private static func youtube(_ id: String?) -> String? { id.map { "https://www.youtube-nocookie.com/embed/\($0)" } }
    private static func vimeo(_ id: String?) -> String? { id.map { "https://player.vimeo.com/video/\($0)?dnt=1" } }
}
