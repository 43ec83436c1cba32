"""Static microsite generator for a party committee's plan implementing Resolution 57-NQ/TW."""
