"""Who a pronoun, a short name or a description refers to: the one resolver quotes and facts share.

(To be filled: today speaker naming (quotes/naming.py) and facts (facts/extraction.py) resolve he/she
each in their own way.)
"""
