"""The partner directory's models, one module per concept."""

from directory.models.contact import ContactPerson
from directory.models.opportunity import Opportunity, OpportunityKind, OpportunityQuerySet
from directory.models.organisation import (
    STALE_AFTER,
    OrganisationPage,
    OrganisationPageQuerySet,
)
from directory.models.pages import DirectoryIndexPage
from directory.models.taxonomy import (
    CompetenceTag,
    Municipality,
    OfferedCompetence,
    OpportunityCompetence,
    OrganisationType,
    PartnershipType,
    SizeClass,
    SoughtCompetence,
)

__all__ = [
    "STALE_AFTER",
    "CompetenceTag",
    "ContactPerson",
    "DirectoryIndexPage",
    "Municipality",
    "OfferedCompetence",
    "Opportunity",
    "OpportunityCompetence",
    "OpportunityKind",
    "OpportunityQuerySet",
    "OrganisationPage",
    "OrganisationPageQuerySet",
    "OrganisationType",
    "PartnershipType",
    "SizeClass",
    "SoughtCompetence",
]
