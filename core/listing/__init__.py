"""The listing framework: news, events, opportunities and the directory are one kind of thing.

    facets.py  a listing's filters (a URL parameter, its vocabulary, which items have each
               option) and the form of its text, sort and page
    index.py   the listed items in memory as bitsets: filter, count and page in arithmetic
    search.py  FacetedSearch, which a listing subclasses (model, facets, sorts), and the
               links of its state; old parameter names and their redirect
    export.py  a state as JSON (with the facets' counts) and as CSV

OR within a facet, AND across facets; every option counted for the other facets' state;
unknown values ignored; at most 50 values a facet and 200 characters of text.
"""
