import CLibXML2
import Foundation
import ToolkitSupport

/// One problem XSD validation found: a line (XSD errors carry no column) and libxml2's message.
public struct XMLValidationIssue: Hashable, Sendable, CustomStringConvertible {
    /// 1-based line in the validated document, 0 when unknown.
    public var line: Int
    /// What is wrong.
    public var message: String

    /// Creates an issue.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `line N: message`.
    public var description: String { "line \(line): \(message)" }
}

/// Validates documents against an XSD with libxml2, offline: schema imports resolve through an
/// optional XML catalog, and nothing is ever fetched from the network.
public final class XMLSchemaValidator: @unchecked Sendable {
    private let schema: xmlSchemaPtr
    /// libxml2 validation contexts of one schema are not used from two threads at once.
    private let exclusive = LockedValue(())

    /// Loads the schema at `schemaPath`; `catalogPath` maps remote schema locations to local files.
    public init(schemaPath: String, catalogPath: String? = nil) throws(XMLParseError) {
        XMLOfflineLoading.enable(catalogPath: catalogPath)
        let collector = XMLErrorCollector()
        let parsed: xmlSchemaPtr? = collector.collecting {
            guard let context = xmlSchemaNewParserCtxt(schemaPath) else { return nil }
            defer { xmlSchemaFreeParserCtxt(context) }
            return xmlSchemaParse(context)
        }
        guard let parsed else {
            throw collector.firstError ?? XMLParseError(message: "cannot load schema \(schemaPath)", line: 0, column: 0)
        }
        schema = parsed
    }

    deinit { xmlSchemaFree(schema) }

    /// Every problem in `bytes`, or none when the document is valid. A document that is not
    /// well-formed gives its parse errors.
    public func validate(_ bytes: [UInt8]) -> [XMLValidationIssue] {
        exclusive.withLock { _ in validateExclusively(bytes) }
    }

    private func validateExclusively(_ bytes: [UInt8]) -> [XMLValidationIssue] {
        let collector = XMLErrorCollector()
        let options = Int32(XML_PARSE_NONET.rawValue)
        return collector.collecting {
            let document = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReadMemory($0, Int32(buffer.count), "document.xml", "UTF-8", options)
                }
            }
            guard let document else {
                return collector.errors.map { XMLValidationIssue(line: $0.line, message: $0.message) }
            }
            defer { xmlFreeDoc(document) }
            guard let context = xmlSchemaNewValidCtxt(schema) else {
                return [XMLValidationIssue(line: 0, message: "libxml2 could not create a validation context")]
            }
            defer { xmlSchemaFreeValidCtxt(context) }
            let result = xmlSchemaValidateDoc(context, document)
            let issues = collector.errors.map { XMLValidationIssue(line: $0.line, message: $0.message) }
            if result != 0, issues.isEmpty {
                return [XMLValidationIssue(line: 0, message: "the document is not valid (libxml2 code \(result))")]
            }
            return issues
        }
    }
}

/// Process-wide libxml2 settings for loading schemas offline.
enum XMLOfflineLoading {
    private static let state = LockedValue((installed: false, loadedCatalogs: Set<String>()))

    /// Refuses network loads for every document and schema, and adds `catalogPath` once.
    static func enable(catalogPath: String?) {
        state.withLock { state in
            if !state.installed {
                xmlInitParser()
                xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader)
                state.installed = true
            }
            if let catalogPath, state.loadedCatalogs.insert(catalogPath).inserted {
                xmlLoadCatalog(catalogPath)
            }
        }
    }
}
