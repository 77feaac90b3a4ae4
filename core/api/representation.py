"""A cheaper `to_representation` for output serializers of long lists, with the same output as DRF's.

DRF's `Serializer.to_representation` walks `_readable_fields` (a generator) and, for every field of every row,
`Field.get_attribute` -> `fields.get_attribute`: an isinstance(Mapping) test, a getattr and an
`is_simple_callable` test (inspect) per attribute. For a page of 50 limits with their buyer that is ~1,100
fields, a third of the request's Python time (bench/RESULTS.md, "API overhead").

`FastRepresentationMixin` decides once per serializer and row class how each field gets its value: a plain
`operator.attrgetter` where every step of the field's source is a model field, a relation or a property of
the row's class (never a method DRF would call), else DRF's own `get_attribute`. Each field's own
`to_representation` still formats the value (dates, money, choices), None stays None as in DRF, a missing
related object is None (DRF's ObjectDoesNotExist rule) and any other lookup error falls back to DRF's path,
which applies the field's default or raises as DRF would. tests/test_api_representation.py compares both on
every serializer that uses it.
"""

import inspect
from operator import attrgetter

from django.core.exceptions import ObjectDoesNotExist
from django.db.models.fields.related_descriptors import ForwardManyToOneDescriptor
from rest_framework.fields import SkipField
from rest_framework.relations import PKOnlyObject, RelatedField

_IDENTITY = object()  # source="*": the row itself


def _plain_path(cls, attrs) -> bool:
    """True when every step of `attrs` from `cls` is a plain attribute (no method DRF would call)."""
    for attr in attrs:
        if cls is None:
            return False
        descriptor = inspect.getattr_static(cls, attr, None)
        if descriptor is None:
            # Set on the instance (a concrete field's DeferredAttribute is on the class; an annotation is not).
            return attr == attrs[-1]
        if inspect.isfunction(descriptor) or isinstance(descriptor, (staticmethod, classmethod)):
            return False
        if isinstance(descriptor, ForwardManyToOneDescriptor):
            cls = descriptor.field.related_model
        elif attr != attrs[-1]:
            cls = None  # a property's value class is unknown: the next step is not known plain
    return True


def _plan(serializer, cls) -> list:
    plan = []
    for field in serializer._readable_fields:
        if isinstance(field, RelatedField) or not field.source_attrs and field.source != "*":
            getter = None  # PK-only objects and the like: DRF's own path
        elif field.source == "*":
            getter = _IDENTITY
        elif _plain_path(cls, field.source_attrs):
            getter = attrgetter(".".join(field.source_attrs))
        else:
            getter = None
        plan.append((field.field_name, getter, field))
    return plan


class FastRepresentationMixin:
    # Mixed in before serializers.Serializer / ModelSerializer of an output serializer. No docstring: the schema
    # would take it as the description of every serializer without one of its own.

    def to_representation(self, instance):
        cls = type(instance)
        cached = self.__dict__.get("_fast_plan")
        if cached is None or cached[0] is not cls:
            cached = self.__dict__["_fast_plan"] = (cls, _plan(self, cls))
        ret = {}
        for name, getter, field in cached[1]:
            if getter is _IDENTITY:
                attribute = instance
            elif getter is not None:
                try:
                    attribute = getter(instance)
                except ObjectDoesNotExist:
                    attribute = None
                except (KeyError, AttributeError):
                    try:
                        attribute = field.get_attribute(instance)
                    except SkipField:
                        continue
            else:
                try:
                    attribute = field.get_attribute(instance)
                except SkipField:
                    continue
                if isinstance(attribute, PKOnlyObject) and attribute.pk is None:
                    ret[name] = None
                    continue
            ret[name] = None if attribute is None else field.to_representation(attribute)
        return ret
