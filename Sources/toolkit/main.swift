import ToolkitCLI
ToolkitMain.run()
