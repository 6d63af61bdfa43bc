package main

import (
	"os"
)

func main() {
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case "floor":
			os.Exit(floorCmd(os.Args[2:]))
		case "write":
			os.Exit(writeCmd(os.Args[2:]))
		case "profile":
			os.Exit(profileCmd(os.Args[2:]))
		}
	}
	os.Exit(measureCmd(os.Args[1:]))
}
