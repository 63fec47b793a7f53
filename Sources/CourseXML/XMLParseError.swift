/// An XML document that could not be read, with where libxml2 stopped.
public struct XMLParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// libxml2's message, trimmed.
    public var message: String
    /// 1-based line, 0 when unknown.
    public var line: Int
    /// 1-based column, 0 when unknown.
    public var column: Int

    /// Creates an error.
    public init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// `line:column: message`.
    public var description: String { "\(line):\(column): \(message)" }
}
