"""appeal: challenge UK Freedom of Information refusals.

Data flow (see the package layout):
  ingest (file -> text) -> parse (text -> Refusal) -> rules (Refusal -> [Finding])
  deadlines (dates + regime -> Timeline) -> render (letters in md / txt / docx, .ics)
"""

__version__ = "0.1.0"
