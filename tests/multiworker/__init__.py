"""Fault tests on two Daphne workers sharing PostgreSQL sessions and a Redis layer and lock cache."""
