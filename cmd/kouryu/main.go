// Command kouryu finds business networking events in Osaka, labels the kind of
// gathering each one is, and publishes them as a table, feeds and a web page.
// Run `kouryu help` for the subcommands.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"kouryu/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := cli.Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err))
}

// exitCode turns the error of a subcommand into the process's exit code: 0 for
// none, the code an ExitError carries (its message, if any, already said), 2 for
// a usage error, 1 for anything else, which is printed.
func exitCode(err error) int {
	if err == nil {
		return 0
	}
	var ee *cli.ExitError
	if errors.As(err, &ee) {
		if ee.Err != nil {
			fmt.Fprintln(os.Stderr, "kouryu:", ee.Err)
		}
		return ee.Code
	}
	fmt.Fprintln(os.Stderr, "kouryu:", err)
	return 1
}
