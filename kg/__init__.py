"""bskg: border-security press releases as a citable RDF knowledge graph."""
