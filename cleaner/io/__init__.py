"""Input and output: finding, reading and decoding inputs within their limits; writing
records so that a crash never leaves a half-written line."""
