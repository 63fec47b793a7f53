/// Badge artwork drawn from a template: a hexagon in the course colour with the Thing's number and
/// its short title, 512 px square, plain SVG without scripts or external references (it passes
/// `badge-image-format` as it is).
enum ScaffoldBadgeArt {
    /// The SVG of a badge showing `label` (a Thing number or initials) over `caption` (one or two short lines).
    static func svg(label: String, caption: [String], colour: String = "#1f5f8b", accent: String = "#f2c14e") -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        let labelSize = label.count <= 2 ? 150 : 104
        let longest = max(caption.map(\.count).max() ?? 1, 1)
        let captionSize = min(34, 560 / longest)
        let lines = caption.enumerated().map { index, line in
            ##"<text x="256" y="\##(352 + index * 40)" font-size="\##(captionSize)" text-anchor="middle" fill="#ffffff">\##(escape(line))</text>"##
        }.joined()
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512" role="img">
            <title>\(escape(caption.joined(separator: " ")))</title>
            <polygon points="256,16 464,136 464,376 256,496 48,376 48,136" fill="\(escape(colour))" stroke="\(escape(accent))" stroke-width="14"/>
            <g font-family="DejaVu Sans, Arial, sans-serif">
            <text x="256" y="\(label.count <= 2 ? 276 : 262)" font-size="\(labelSize)" text-anchor="middle" fill="#ffffff" font-weight="bold">\(escape(label))</text>
            \(lines)
            </g>
            </svg>

            """
    }

    /// A title split into at most two caption lines of about 16 characters.
    static func caption(for title: String) -> [String] {
        var lines: [String] = [""]
        for word in title.split(separator: " ") {
            if lines[lines.count - 1].isEmpty {
                lines[lines.count - 1] = String(word)
            } else if lines[lines.count - 1].count + word.count < 16 || lines.count == 2 {
                lines[lines.count - 1] += " " + word
            } else {
                lines.append(String(word))
            }
        }
        return lines
    }
}
