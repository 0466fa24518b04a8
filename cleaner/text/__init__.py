"""The text stages every input goes through once it is text: paragraphs (draft),
split, site rules, generic detectors, layout, line classifier, assemble."""
