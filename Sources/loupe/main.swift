import LoupeCLI
LoupeCommand.main()
