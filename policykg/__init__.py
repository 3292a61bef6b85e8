"""policykg: who said what about whom in a policy debate, from news articles to a knowledge graph."""
from policykg.api import KnowledgeGraph

__all__ = ["KnowledgeGraph"]
