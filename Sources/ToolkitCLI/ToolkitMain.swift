public enum ToolkitMain { public static func run() {} }
