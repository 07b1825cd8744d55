class DossierError(Exception):
    """Raised with a message meant for the person who acted (citizen or officer)."""


class SubmissionRefused(DossierError):
    """The citizen may not submit this dossier here (account, procedure or unit)."""
