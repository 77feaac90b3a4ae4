class DomainError(Exception):
    """A business rule refused the operation; the message is for the user.

    `field` names the input the message is about, so forms and the API can
    attach it to the right field.
    """

    def __init__(self, message, *, field: str | None = None, code: str = "invalid"):
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code
