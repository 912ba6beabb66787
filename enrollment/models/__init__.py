from .imports import MatchKey, RosterImport, RosterImportRow
from .offerings import Enrollment, Offering
from .people import OcopProduct, Organization, Participant, ParticipantMerge
from .units import AdministrativeUnit, UnitMapping

__all__ = [
    "AdministrativeUnit",
    "Enrollment",
    "MatchKey",
    "OcopProduct",
    "Offering",
    "Organization",
    "Participant",
    "ParticipantMerge",
    "RosterImport",
    "RosterImportRow",
    "UnitMapping",
]
