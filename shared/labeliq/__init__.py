"""labeliq: checks Canadian food labels against the SFCR and the FDR."""

from labeliq import regex_cache as _regex_cache

__version__ = "0.1.0"

_regex_cache.install()  # compiled patterns kept between processes (labeliq.regex_cache); absent, nothing changes
