import Foundation
import ToolkitCLI

exit(ToolkitMain.run(Array(CommandLine.arguments.dropFirst())))
