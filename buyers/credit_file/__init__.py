"""The buyer credit file: everything an insured knows about a buyer (its own figures in full, the insurer's
grade, the insurer's payment experience only in aggregate), and the insurer's view across insureds.

The buyers app owns the identity, grades, notes and the insurer's payment-experience summary. Limits, overdues
and claims come from apps after buyers in the app order: each registers its sections with `registry` from its
AppConfig.ready(), as apps register webhook events with core, so buyers never imports them.
"""
