"""A tiny hand-made bskg graph for the doctests and tests of :mod:`kg.analysis`.

Its document says: "Minister Ann Smith met Bo Jones in Paris on 1 May 2024.
She announced up to £5 million for the Home Office." The graph holds what
the extractor would make of it: a post holding, a meeting and a funding
package, each with its evidence span.
"""
from __future__ import annotations

from rdflib import Dataset

__all__ = ["TINY_TRIG", "tiny_dataset"]

TINY_TRIG = """
@prefix bskg: <https://w3id.org/bskg/ontology#> .
@prefix id: <https://w3id.org/bskg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

id:doc\\/tiny {
  id:doc\\/tiny a bskg:Document ; bskg:fileName "tiny.txt" ; bskg:published "2024-05-02"^^xsd:date .
  id:person\\/ann-smith a bskg:Person ; rdfs:label "Ann Smith" ; skos:altLabel "Ann" .
  id:person\\/bo-jones a bskg:Person ; rdfs:label "Bo Jones" .
  id:org\\/home-office a bskg:GovernmentDepartment ; rdfs:label "Home Office" ; bskg:acronym "HO" ;
      bskg:country id:state\\/uk .
  id:state\\/uk a bskg:State ; rdfs:label "United Kingdom" .
  id:place\\/paris a bskg:City ; rdfs:label "Paris" .
  id:post\\/minister a bskg:Post ; rdfs:label "Minister" ; bskg:postIn id:org\\/home-office .

  id:fact\\/holding a bskg:PostHolding ; rdfs:label "Ann Smith, Minister" ; bskg:holder id:person\\/ann-smith ;
      bskg:post id:post\\/minister ; bskg:asOf "2024-05-01"^^xsd:date ; bskg:evidence id:span\\/holding .
  id:span\\/holding a bskg:TextSpan ; bskg:inDocument id:doc\\/tiny ; bskg:start 0 ; bskg:end 18 ;
      bskg:quote "Minister Ann Smith" .

  id:fact\\/talks a bskg:Meeting ; rdfs:label "talks in Paris" ; bskg:participant id:person\\/ann-smith ,
      id:person\\/bo-jones ; bskg:place id:place\\/paris ; bskg:date "2024-05-01"^^xsd:date ;
      bskg:evidence id:span\\/talks .
  id:span\\/talks a bskg:TextSpan ; bskg:inDocument id:doc\\/tiny ; bskg:start 0 ; bskg:end 55 ;
      bskg:quote "Minister Ann Smith met Bo Jones in Paris on 1 May 2024." .

  id:fact\\/money a bskg:FundingPackage ; rdfs:label "GBP 5 million for the Home Office" ;
      bskg:amount 5000000 ; bskg:currency "GBP" ; bskg:isUpperBound true ;
      bskg:announcer id:person\\/ann-smith ; bskg:recipient id:org\\/home-office ; bskg:date "2024-05-02"^^xsd:date ; bskg:evidence id:span\\/money .
  id:span\\/money a bskg:TextSpan ; bskg:inDocument id:doc\\/tiny ; bskg:start 56 ; bskg:end 107 ;
      bskg:quote "She announced up to £5 million for the Home Office." .
}
"""


def tiny_dataset() -> Dataset:
    """The tiny graph as an rdflib Dataset whose default graph is the union, as bskg reads files."""
    dataset = Dataset(default_union=True)
    dataset.parse(data=TINY_TRIG, format="trig")
    return dataset
