import CoursePackager
import Foundation
import Testing

/// Building for a particular LMS: what it refuses is refused before anything is written, its upload
/// limit is warned about, and its way of recording a failed attempt is what the page reports.
@Suite("LMS profiles")
struct LMSProfileTests {
    @Test("TalentLMS takes SCORM 1.2 only; every other profile takes both versions")
    func versions() throws {
        let talent = try #require(LMSProfile.named("talentlms"))
        #expect(talent.refusal(of: .scorm2004) == "TalentLMS imports SCORM 1.2 only, not SCORM 2004")
        #expect(talent.refusal(of: .scorm12) == nil)
        for profile in LMSProfile.all where profile.id != "talentlms" { #expect(profile.refusal(of: .scorm2004) == nil) }
        let folder = try PackagingFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var request = try PackagingFixture.request(.scorm2004, into: folder)
        request.lms = talent
        #expect(throws: PackageError.self) { try PackageBuilder().build(request) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "nothing is written")
    }

    @Test("a package over the LMS's upload limit is warned about")
    func size() {
        #expect(LMSProfile.generic.sizeWarning(251 * 1024 * 1024)?.contains("at most 250 MB") == true)
        #expect(LMSProfile.generic.sizeWarning(249 * 1024 * 1024) == nil)
        #expect(LMSProfile.named("moodle")?.sizeWarning(900 * 1024 * 1024) == nil, "Moodle's limit is the site's")
    }

    @Test("for Cornerstone a failed SCORM 1.2 attempt is reported as incomplete; elsewhere as failed")
    func failedStatus() throws {
        let folder = try PackagingFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (profile, expected) in [("cornerstone", true), ("generic", false)] {
            var request = try PackagingFixture.request(.scorm12, into: folder, thing: 2)
            request.lms = try #require(LMSProfile.named(profile))
            let result = try PackageBuilder().build(request)
            let page = try PackageLinkTests.contents(of: result, format: .scorm12)["things/thing-02.html"]
            let text = String(decoding: try #require(page), as: UTF8.self)
            #expect(text.contains(#""failedStatus12":"incomplete""#) == expected, "\(profile)")
        }
    }
}
