"""Demo data for the portal: texts, pictures and the seed that loads them."""
