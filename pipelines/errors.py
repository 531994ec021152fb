"""The domain error hierarchy. Only app/ maps these to HTTP responses."""


class WutongError(Exception):
    """Base error; `code` is a stable machine-readable name, the message is for a leader."""

    code = "wutong_error"
    status = 500

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code


class InvalidInput(WutongError):
    code = "invalid_input"
    status = 400


class NotFound(WutongError):
    code = "not_found"
    status = 404


class Conflict(WutongError):
    code = "conflict"
    status = 409


class MediaError(InvalidInput):
    """An uploaded or referenced file is not usable media."""

    code = "invalid_media"
    status = 415


class TooLarge(InvalidInput):
    code = "too_large"
    status = 413


class ModelUnavailable(WutongError):
    """A model cannot be provisioned or reached (missing package, bad checksum, endpoint down)."""

    code = "model_unavailable"
    status = 503


class GroundingError(WutongError):
    """Generated text states a fact that its sources do not support."""

    code = "grounding_failed"
    status = 422


class PromptError(WutongError):
    code = "prompt_error"
    status = 500


class MissingPromptVariable(PromptError):
    code = "missing_prompt_variable"
