"""RDF: extracted facts as named graphs with provenance, and writing them safely."""
