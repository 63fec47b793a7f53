import Foundation
import ToolkitCLI
import ToolkitSupport

ProcessLifetime.keepModelsUntilExit()
exit(ToolkitMain.run(Array(CommandLine.arguments.dropFirst())))
