import CourseModel
import CourseXML

/// Checks what the SCORM XSDs cannot: identifiers that resolve and are unique, the scorm type
/// attribute each version needs, no elements of the other version, and a manifest that agrees
/// with the files in the package.
public enum ManifestChecker {
    /// Files that may sit in a package without being listed under a resource.
    static func isUnlisted(_ path: String, layout: PackageLayout) -> Bool {
        path == layout.manifest || path.hasSuffix(".xsd") || path.hasSuffix(".dtd")
    }

    /// ADLCP 1.2 element names that people carry over into 2004 manifests by mistake.
    static let scorm12OnlyElements: Set<String> = [
        "masteryscore", "maxtimeallowed", "timelimitaction", "datafromlms", "prerequisites",
    ]

    /// Every problem found, as `line N: message`.
    public static func check(
        manifest bytes: [UInt8], format: PackageFormat, packageFiles: Set<String>, layout: PackageLayout = .standard
    ) -> [String] {
        let root: XMLElementSnapshot
        do {
            root = try UntrustedXMLParser.parse(bytes)
        } catch {
            return ["line \(error.line): the manifest is not well-formed: \(error.message)"]
        }
        var problems: [String] = []
        func report(_ element: XMLElementSnapshot, _ message: String) { problems.append("line \(element.line): \(message)") }

        let expectedNamespace = format == .scorm2004 ? ManifestBuilder.Names.cp2004.uri : ManifestBuilder.Names.cp12.uri
        let adlcp12 = ManifestBuilder.Names.adlcp12.uri
        let adlcp2004 = ManifestBuilder.Names.adlcp2004.uri
        if root.name != "manifest" || root.namespaceURI != expectedNamespace {
            report(root, "the root element must be `manifest` in \(expectedNamespace)")
        }

        var identifiers: [String: Int] = [:]
        var all: [XMLElementSnapshot] = []
        func walk(_ element: XMLElementSnapshot) {
            all.append(element)
            element.children.forEach(walk)
        }
        walk(root)
        for element in all {
            if let identifier = element.attributes["identifier"] {
                if let line = identifiers[identifier] {
                    report(element, "identifier `\(identifier)` is also used on line \(line)")
                } else {
                    identifiers[identifier] = element.line
                }
            }
            let otherVersion =
                format == .scorm2004
                ? [adlcp12, ManifestBuilder.Names.cp12.uri, ManifestBuilder.Names.imsmd.uri]
                : [adlcp2004, ManifestBuilder.Names.cp2004.uri]
            if let namespace = element.namespaceURI, otherVersion.contains(namespace) {
                report(element, "`\(element.name)` belongs to the other SCORM version (\(namespace))")
            } else if format == .scorm2004, element.namespaceURI == adlcp2004, scorm12OnlyElements.contains(element.name) {
                report(
                    element,
                    "`adlcp:\(element.name)` belongs to the other SCORM version (1.2); SCORM 2004 uses sequencing instead")
            }
        }

        let organizations = root.children.first { $0.name == "organizations" }
        let resourceList = root.children.first { $0.name == "resources" }?.children.filter { $0.name == "resource" } ?? []
        let resourceIDs = Set(resourceList.compactMap { $0.attributes["identifier"] })
        if let organizations {
            let organizationIDs = organizations.children.filter { $0.name == "organization" }.compactMap {
                $0.attributes["identifier"]
            }
            if organizationIDs.isEmpty { report(organizations, "there is no organization") }
            if let defaultID = organizations.attributes["default"], !organizationIDs.contains(defaultID) {
                report(organizations, "default organization `\(defaultID)` does not exist")
            }
        } else {
            report(root, "there is no `organizations` element")
        }
        for element in all where element.name == "item" {
            if let reference = element.attributes["identifierref"], !resourceIDs.contains(reference) {
                report(
                    element,
                    "item `\(element.attributes["identifier"] ?? "")` points at resource `\(reference)`, which does not exist")
            }
        }

        var listed = Set<String>()
        for resource in resourceList {
            let id = resource.attributes["identifier"] ?? ""
            let typeName = format == .scorm2004 ? "scormType" : "scormtype"
            let wrongCase = format == .scorm2004 ? "scormtype" : "scormType"
            if resource.attributes[wrongCase] != nil {
                report(
                    resource, "resource `\(id)` spells the attribute `adlcp:\(wrongCase)`; this version needs `adlcp:\(typeName)`"
                )
            }
            if resource.attributes[typeName] == nil {
                report(resource, "resource `\(id)` has no `adlcp:\(typeName)`")
            }
            var files = Set<String>()
            for file in resource.children where file.name == "file" {
                guard let href = file.attributes["href"] else { continue }
                files.insert(href)
                listed.insert(href)
                if !packageFiles.contains(href) { report(file, "file `\(href)` is listed but not in the package") }
            }
            if let href = resource.attributes["href"], !files.contains(href) {
                report(resource, "resource `\(id)` launches `\(href)`, which is not among its files")
            }
            for dependency in resource.children where dependency.name == "dependency" {
                if let reference = dependency.attributes["identifierref"], !resourceIDs.contains(reference) {
                    report(dependency, "dependency on `\(reference)`, which does not exist")
                }
            }
        }
        for path in packageFiles.sorted() where !isUnlisted(path, layout: layout) && !listed.contains(path) {
            problems.append("line 0: `\(path)` is in the package but not listed under any resource")
        }
        return problems
    }
}
