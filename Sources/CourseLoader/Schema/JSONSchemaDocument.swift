import CourseModel
import Foundation

/// JSON Schemas (draft 2020-12) of the course and badge files, written from `CourseFileFields`: the
/// YAML language server and other editors use them for completion, descriptions on hover and
/// checking as one types. `toolkit validate` stays the judge; the schemas are the editor's view of it.
public enum JSONSchemaDocument {
    /// One schema file: its name and which workspace files it describes.
    public struct File: Sendable {
        /// The file name, such as `thing.schema.json`.
        public let name: String
        /// A glob of the files it describes, relative to the workspace root.
        public let describes: String
        /// The mapping it describes.
        public let definition: MappingDefinition
    }

    /// The schemas `toolkit schema` writes, for a workspace laid out as `layout`.
    public static func files(layout: WorkspaceLayout = .standard) -> [File] {
        let courseFolders = layout.courseFolder(named: "*")
        return [
            File(
                name: "course.schema.json", describes: layout.courseFile(inCourseFolder: courseFolders),
                definition: CourseFileFields.course),
            File(
                name: "thing.schema.json",
                describes: layout.thingFile(id: "*", inCourseFolder: courseFolders) + " (the front matter)",
                definition: CourseFileFields.thing),
            File(name: "badge.schema.json", describes: layout.badgeClassFile(id: "*"), definition: CourseFileFields.badge),
            File(name: "issuer.schema.json", describes: layout.issuerFile, definition: CourseFileFields.issuer),
        ]
    }

    /// The pattern every id follows: lowercase letters and digits, single hyphens between them (as
    /// `Identifier.isWellFormed` decides).
    public static let identifierPattern = "^[a-z0-9]+(-[a-z0-9]+)*$"

    /// The schema of `file`, as pretty-printed JSON with sorted keys and a final newline.
    public static func bytes(of file: File) -> [UInt8] {
        var root = object(file.definition)
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        root["$comment"] = "Written by `toolkit schema` from the loader's field table; describes \(file.describes)."
        // JSONSerialization only fails on values that are not JSON; every value here is.
        let data = try! JSONSerialization.data(
            withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return Array(data) + [0x0A]
    }

    /// The schema of one mapping: its properties, required keys, and no others; with variants, each
    /// variant's keys apply when the choosing key has its value.
    static func object(_ definition: MappingDefinition) -> [String: Any] {
        var schema: [String: Any] = [
            "title": definition.name, "description": definition.description, "type": "object",
            "properties": properties(definition.fields),
        ]
        let required = definition.fields.filter(\.isRequired).map(\.name)
        if !required.isEmpty { schema["required"] = required }
        if !definition.exactlyOneOf.isEmpty {
            schema["oneOf"] = definition.exactlyOneOf.map { ["required": [$0]] }
        }
        guard let variants = definition.variants else {
            schema["additionalProperties"] = false
            return schema
        }
        // Every key of every variant is a property (so editors complete them), no other key is allowed,
        // and each variant allows only its own keys besides the common ones. Written without
        // `unevaluatedProperties`, which VS Code's YAML extension ignores.
        let common = definition.fields.map(\.name)
        schema["properties"] = properties(definition.fields + variants.allFields)
        schema["additionalProperties"] = false
        schema["allOf"] = variants.cases.map { variant -> [String: Any] in
            var then: [String: Any] = ["propertyNames": ["enum": common + variant.fields.map(\.name)]]
            let required = variant.fields.filter(\.isRequired).map(\.name)
            if !required.isEmpty { then["required"] = required }
            return [
                "if": ["properties": [variants.key: ["const": variant.value]], "required": [variants.key]],
                "then": then,
            ]
        }
        return schema
    }

    private static func properties(_ fields: [FieldDefinition]) -> [String: Any] {
        Dictionary(
            uniqueKeysWithValues: fields.map { field in
                var value = schema(of: field.type)
                value["description"] = field.description
                return (field.name, value)
            })
    }

    /// The schema of one value type. Text also takes numbers and booleans, as the loader does
    /// (`version: 1.2` is text written as a number).
    static func schema(of type: FieldType) -> [String: Any] {
        switch type {
        case .text: ["type": ["string", "number", "boolean"]]
        case .identifier: ["type": "string", "pattern": identifierPattern]
        case .url: ["type": "string", "format": "uri", "pattern": "^https?://"]
        case .wholeNumber(let minimum):
            minimum.map { ["type": "integer", "minimum": $0] } ?? ["type": "integer"]
        case .number(let minimum, let maximum): ["type": "number", "minimum": minimum, "maximum": maximum]
        case .boolean: ["type": "boolean"]
        case .oneOf(let values): ["enum": values]
        case .textList: ["type": "array", "items": schema(of: .text)]
        case .identifierList: ["type": "array", "items": schema(of: .identifier)]
        case .mapping(let definition): object(definition)
        case .listOf(let definition): ["type": "array", "items": object(definition)]
        }
    }
}
