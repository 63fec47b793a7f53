import CourseLoader
import CourseModel
import FileAccess
import Foundation
import Testing

/// The field table `toolkit schema` writes JSON Schemas from is the table the loader reads by: a file
/// with every field of the table, each with a value of its type, loads without a finding, and a wrong
/// value in any one field is reported by the loader. (In debug builds the loader also stops when it
/// reads a key otherwise than the table defines it.)
@Suite("Field table and loader in step")
struct FieldTableTests {
    static let root = "/ws"
    static let loaderRules: Set<String> = [
        LoaderRuleID.requiredField, LoaderRuleID.unknownKey, LoaderRuleID.valueType, LoaderRuleID.allowedValue,
        LoaderRuleID.yamlSyntax,
    ]

    /// Where each kind of file sits in a one-course workspace, and how its mapping is written there.
    enum Entity: CaseIterable {
        case course, thing, badge, issuer

        var definition: MappingDefinition {
            switch self {
            case .course: CourseFileFields.course
            case .thing: CourseFileFields.thing
            case .badge: CourseFileFields.badge
            case .issuer: CourseFileFields.issuer
            }
        }

        /// The workspace with `mapping` (as JSON, which is YAML) in this entity's file.
        func workspace(_ mapping: [String: Any]) -> InMemoryFileSystem {
            let json = String(
                decoding: try! JSONSerialization.data(withJSONObject: mapping, options: [.sortedKeys]), as: UTF8.self)
            var files = [
                "\(FieldTableTests.root)/Courses/c/course.yaml": "id: c\ntitle: C\nlanguage: en\nthings: [thing-01]\n",
                "\(FieldTableTests.root)/Courses/c/things/thing-01.md":
                    "---\nid: thing-01\nnumber: 1\nstatus: draft\n---\nText.\n",
            ]
            switch self {
            case .course: files["\(FieldTableTests.root)/Courses/c/course.yaml"] = json + "\n"
            case .thing: files["\(FieldTableTests.root)/Courses/c/things/thing-01.md"] = "---\n\(json)\n---\nText.\n"
            case .badge: files["\(FieldTableTests.root)/Badges/badges/b.yaml"] = json + "\n"
            case .issuer: files["\(FieldTableTests.root)/Badges/issuer.yaml"] = json + "\n"
            }
            return InMemoryFileSystem(files: files)
        }
    }

    /// A valid value of `type`.
    static func sample(_ type: FieldType) -> Any {
        switch type {
        case .text: "Example text"
        case .identifier: "example-1"
        case .url: "https://example.org/page"
        case .wholeNumber: 2
        case .number(let minimum, let maximum): (minimum + maximum) / 2
        case .boolean: true
        case .oneOf(let values): values[0]
        case .textList: ["Example text"]
        case .identifierList: ["example-1"]
        case .mapping(let definition): sample(definition, variant: nil)
        case .listOf(let definition):
            definition.variants.map { variants in variants.cases.map { sample(definition, variant: $0.value) } }
                ?? [sample(definition, variant: nil)]
        }
    }

    /// A mapping with every field of `definition` (and of `variant`) set to a valid value.
    static func sample(_ definition: MappingDefinition, variant: String?) -> [String: Any] {
        var mapping: [String: Any] = [:]
        // Of keys that exclude each other, the first.
        for field in definition.fields where !definition.exactlyOneOf.dropFirst().contains(field.name) {
            mapping[field.name] = sample(field.type)
        }
        if let variants = definition.variants, let variant {
            mapping[variants.key] = variant
            for field in variants.fields(for: variant) ?? [] { mapping[field.name] = sample(field.type) }
        }
        return mapping
    }

    /// A value `type` refuses.
    static func wrong(_ type: FieldType) -> Any {
        switch type {
        case .wholeNumber, .number: "many"
        case .boolean: "perhaps"
        case .oneOf: "no-such-value"
        case .mapping, .listOf: "plain text"
        case .text, .identifier, .url, .textList, .identifierList: ["nested": "mapping"]
        }
    }

    /// Every document with exactly one field made wrong, named by the field's path.
    static func mutations(of mapping: [String: Any], _ definition: MappingDefinition, variant: String?, path: String)
        -> [(path: String, mapping: [String: Any])]
    {
        var fields = definition.fields
        if let variant, let extra = definition.variants?.fields(for: variant) { fields += extra }
        var result: [(String, [String: Any])] = []
        for field in fields where mapping[field.name] != nil {
            let here = path + "." + field.name
            var copy = mapping
            copy[field.name] = wrong(field.type)
            result.append((here, copy))
            switch field.type {
            case .mapping(let nested):
                for inner in mutations(of: mapping[field.name] as! [String: Any], nested, variant: nil, path: here) {
                    var copy = mapping
                    copy[field.name] = inner.mapping
                    result.append((inner.path, copy))
                }
            case .listOf(let item):
                let items = mapping[field.name] as! [[String: Any]]
                for (index, element) in items.enumerated() {
                    let variant = item.variants.map { element[$0.key] as? String } ?? nil
                    for inner in mutations(of: element, item, variant: variant, path: here + "[\(index)]") {
                        var copy = mapping
                        var list = items
                        list[index] = inner.mapping
                        copy[field.name] = list
                        result.append((inner.path, copy))
                    }
                }
            default: break
            }
        }
        return result
    }

    func loaderFindings(_ entity: Entity, _ mapping: [String: Any]) -> [Finding] {
        WorkspaceLoader(fileSystem: entity.workspace(mapping)).load(workspaceAt: Self.root).findings.filter {
            Self.loaderRules.contains($0.ruleID)
        }
    }

    @Test("a file with every field of the table, each of its type, loads without a finding", arguments: Entity.allCases)
    func everyFieldLoads(_ entity: Entity) {
        let findings = loaderFindings(entity, Self.sample(entity.definition, variant: nil))
        #expect(findings.isEmpty, "\(findings.map { "\($0.ruleID): \($0.message)" })")
    }

    @Test("a wrong value in any one field of the table is reported by the loader", arguments: Entity.allCases)
    func everyFieldIsRead(_ entity: Entity) {
        let base = Self.sample(entity.definition, variant: nil)
        let mutations = Self.mutations(of: base, entity.definition, variant: nil, path: "")
        #expect(mutations.count >= entity.definition.fields.count)
        for mutation in mutations {
            #expect(!loaderFindings(entity, mutation.mapping).isEmpty, "\(mutation.path): a wrong value went unreported")
        }
    }

    @Test("a key the table does not define is reported, in every mapping")
    func unknownKeys() {
        for entity in Entity.allCases {
            var mapping = Self.sample(entity.definition, variant: nil)
            mapping["notAField"] = "x"
            #expect(loaderFindings(entity, mapping).map(\.ruleID) == [LoaderRuleID.unknownKey])
        }
    }

    @Test("keys that exclude each other: the second alone is read, both together are one finding")
    func exclusiveKeys() {
        var thing = Self.sample(CourseFileFields.thing, variant: nil)
        thing["prerequisites"] = [["badge": ["nested": "mapping"]]]
        #expect(loaderFindings(.thing, thing).map(\.ruleID) == [LoaderRuleID.valueType])
        thing["prerequisites"] = [["badge": "thing-09", "thing": "thing-01"]]
        let both = loaderFindings(.thing, thing)
        #expect(both.map(\.ruleID) == [LoaderRuleID.requiredField])
        #expect(both.first?.message.contains("not both") == true)
    }
}
