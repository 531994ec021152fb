"""The domain error hierarchy. Only app/ maps these to HTTP responses (app/errors.py holds the table)."""


class WutongError(Exception):
    """Base error; `code` is a stable machine-readable name, the message is for a leader."""

    code = "wutong_error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code


class InvalidInput(WutongError):
    code = "invalid_input"


class NotFound(WutongError):
    code = "not_found"


class Conflict(WutongError):
    code = "conflict"


class MediaError(InvalidInput):
    """An uploaded or referenced file is not usable media."""

    code = "invalid_media"


class TooLarge(InvalidInput):
    code = "too_large"


class ModelUnavailable(WutongError):
    """A model cannot be provisioned or reached (missing package, bad checksum, endpoint down)."""

    code = "model_unavailable"


class GroundingError(WutongError):
    """Generated text states a fact that its sources do not support."""

    code = "grounding_failed"


class PromptError(WutongError):
    code = "prompt_error"


class MissingPromptVariable(PromptError):
    code = "missing_prompt_variable"
