"""Deterministic, realistic-looking values: every draw comes from one random.Random(seed).

Distributions follow a European trade credit insurer's book: most buyers in the EU, some in the US,
the UK and Asia; grades bunched in the middle (3-6), few insolvent; limit amounts skewed towards
small limits (log-uniform 5,000-500,000), a few large ones.
"""

import math
import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

# (country, weight, legal form, VAT prefix): weights are shares of the registry.
COUNTRIES = [
    ("DE", 18, "GmbH", "DE"), ("FR", 13, "SAS", "FR"), ("IT", 11, "S.p.A.", "IT"), ("ES", 10, "S.L.", "ES"),
    ("NL", 6, "B.V.", "NL"), ("BE", 4, "NV", "BE"), ("PL", 5, "Sp. z o.o.", "PL"), ("PT", 3, "Lda.", "PT"),
    ("AT", 3, "GmbH", "ATU"), ("CZ", 2, "s.r.o.", "CZ"), ("GB", 7, "Ltd", "GB"), ("US", 7, "Inc.", ""),
    ("CN", 4, "Co., Ltd.", ""), ("JP", 2, "K.K.", ""), ("TR", 2, "A.Ş.", ""), ("MX", 1, "S.A. de C.V.", ""),
    ("BR", 1, "Ltda.", ""), ("MA", 1, "SARL", ""),
]
# OECD-like country risk grades (1 lowest to 7 highest) for the countries above.
COUNTRY_RISK = {"DE": 1, "FR": 1, "IT": 2, "ES": 1, "NL": 1, "BE": 1, "PL": 2, "PT": 2, "AT": 1, "CZ": 2, "GB": 1,
                "US": 1, "CN": 2, "JP": 1, "TR": 5, "MX": 3, "BR": 4, "MA": 4}
SECTORS = ["10.71", "13.20", "20.11", "22.29", "25.62", "28.41", "29.10", "41.20", "46.90", "47.11", "49.41",
           "46.73", "10.51", "24.10", "26.11", "46.46", ""]
# Buyer grade 1 (best) .. 10 (insolvent): weights.
GRADES = [(1, 4), (2, 9), (3, 18), (4, 24), (5, 20), (6, 12), (7, 6), (8, 4), (9, 2), (10, 1)]
WORDS = ["Nord", "Sud", "Alpen", "Rhein", "Atlantic", "Iberia", "Lotus", "Metal", "Agro", "Textil", "Chem", "Pack",
         "Logistik", "Foods", "Trading", "Bau", "Tech", "Motor", "Holz", "Glas", "Papier", "Pharma", "Energie",
         "Maschinen", "Müller", "Schäfer", "Guzmán", "Peña", "Ćosić", "Lefèvre", "Rossi", "Öztürk", "Nowak", "Dvořák",
         "Kowalski", "Jansen", "Peeters", "Silva", "Tanaka", "Wang", "Meridian", "Orion", "Vega", "Delta", "Polar",
         "Sierra", "Costa", "Verde", "Blanco", "Roja", "Zenit", "Helios", "Tauro", "Castell", "Dunas", "Fjord"]
CITIES = ["Hamburg", "Lyon", "Milano", "Valencia", "Rotterdam", "Antwerpen", "Poznań", "Porto", "Linz", "Brno",
          "Leeds", "Houston", "Shenzhen", "Osaka", "İzmir", "Monterrey", "Curitiba", "Tanger"]


class Fake:
    def __init__(self, seed: int, today: date):
        self.rng = random.Random(seed)
        self.today = today
        self._countries = [c for c, *_ in COUNTRIES]
        self._country_weights = [w for _, w, *_ in COUNTRIES]
        self._forms = {c: (form, vat) for c, _, form, vat in COUNTRIES}
        self._grades = [g for g, _ in GRADES]
        self._grade_weights = [w for _, w in GRADES]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, values):
        return values[self.rng.randrange(len(values))]

    def weighted(self, values, weights):
        return self.rng.choices(values, weights)[0]

    def country(self) -> str:
        return self.weighted(self._countries, self._country_weights)

    def grade(self) -> int:
        return self.weighted(self._grades, self._grade_weights)

    def sector(self) -> str:
        return self.pick(SECTORS)

    def company_name(self, country: str, n: int) -> str:
        form, _ = self._forms[country]
        # The serial keeps names distinct enough for search to narrow well, as real registries are.
        return f"{self.pick(WORDS)} {self.pick(WORDS)} {n % 997} {form}"

    def registration(self, country: str, n: int) -> str:
        return f"{country}R{n:08d}"

    def vat(self, country: str, n: int) -> str:
        _, prefix = self._forms[country]
        return f"{prefix}{n:09d}" if prefix else ""

    def city(self) -> str:
        return self.pick(CITIES)

    def amount(self, low: int = 5_000, high: int = 500_000) -> Decimal:
        """Log-uniform, rounded to 1,000: many small limits, a few large ones."""
        value = math.exp(self.rng.uniform(math.log(low), math.log(high)))
        return Decimal(max(low, int(round(value, -3))))

    def terms_days(self) -> int:
        return self.weighted([30, 45, 60, 90, 120], [20, 15, 35, 25, 5])

    def day_between(self, start: date, end: date) -> date:
        if end <= start:
            return start
        return start + timedelta(days=self.rng.randrange((end - start).days + 1))

    def moment(self, day: date) -> datetime:
        seconds = self.rng.randrange(8 * 3600, 19 * 3600)
        return timezone.make_aware(datetime.combine(day, time()) + timedelta(seconds=seconds))
