"""Stock text, by job: normalise (text and pattern forms), anchors (the word every match must
contain), library (the fingerprint file, compiled), match (find_stock, linear in the letter),
sentences (the sentence around a match), dangling (references whose antecedent is absent).
`appeal.rules.stock` re-exports the public names."""
