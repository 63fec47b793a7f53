import CourseModel
import Foundation
import ToolkitCLI

ProcessLifetime.keepModelsUntilExit()
exit(ToolkitMain.run(Array(CommandLine.arguments.dropFirst())))
