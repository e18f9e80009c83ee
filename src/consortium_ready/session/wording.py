"""What the questionnaire says about the organisation's details, the same in every shell."""

ROLE_HINT = (
    "The lead body holds the contract, answers to the commissioner for everyone's work "
    "and passes work and money on to the partners."
)
STAGE_HINT = (
    "Exploring: talking about working together. Forming: agreeing who is in and how. "
    "Bidding: a tender is out or expected. Delivering: you hold a contract together."
)
KIND_HINT = (
    "An open network takes members in, like a local consortium of many groups. A closed group "
    "is a few organisations that came together for one bid. Questions about membership are "
    "asked of open networks only."
)
REBIDDING_LABEL = "We are delivering and also bidding again (for a renewal or a new contract)"
