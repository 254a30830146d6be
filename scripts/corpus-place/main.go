// Command corpus-place prints, for each report URL given, the side of the
// corpus split it belongs to (train or heldout) and its normalised source.
// Collectors file a new case under classifier/testdata/real/<side>/.
package main

import (
	"fmt"
	"os"

	"github.com/apigw-triage/apigw-triage/classifier/corpus"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: corpus-place URL ...")
		os.Exit(2)
	}
	for _, u := range os.Args[1:] {
		fmt.Printf("%s\t%s\n", corpus.Side(u), corpus.Source(u))
	}
}
