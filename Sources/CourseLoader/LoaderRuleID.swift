/// Ids of the rules the loader itself enforces while reading files; the validator's registry
/// describes them like every other rule.
public enum LoaderRuleID {
    /// A file cannot be read, or a required folder or file is missing.
    public static let fileReadable = "file-readable"
    /// A file is not valid UTF-8 text.
    public static let textEncoding = "text-encoding"
    /// YAML that does not parse.
    public static let yamlSyntax = "yaml-syntax"
    /// A Thing file whose front matter is missing or not closed.
    public static let frontMatter = "front-matter"
    /// A required field is missing or empty.
    public static let requiredField = "required-field"
    /// A key that the format does not know.
    public static let unknownKey = "unknown-key"
    /// A value of the wrong type (a list where text is expected, text where a number is).
    public static let valueType = "value-type"
    /// A value outside the allowed set (`status: finished`).
    public static let allowedValue = "allowed-value"
    /// A file larger than the toolkit reads.
    public static let fileSize = "file-size"
    /// A path that leaves the workspace (through `..`, an absolute path or a symbolic link), or
    /// two files whose names differ only by case.
    public static let pathSafety = "path-safety"

    /// A list item indented under the one before, which YAML reads as more words of that item.
    public static let listItemFolded = "list-item-folded"

    /// Every id above: the validator registers a described rule for each, with examples (a test holds
    /// them to this list).
    public static let all = [
        fileReadable, textEncoding, yamlSyntax, frontMatter, requiredField, unknownKey, valueType, allowedValue, fileSize,
        pathSafety, listItemFolded,
    ]
}
