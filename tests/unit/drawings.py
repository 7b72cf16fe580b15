"""Moved to tests/support/drawings.py (shared with the app and browser tests); import from there."""

from tests.support.drawings import RED as RED
from tests.support.drawings import canvas as canvas
from tests.support.drawings import layer as layer
from tests.support.drawings import picture as picture
