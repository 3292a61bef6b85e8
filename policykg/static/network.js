// The statement-network page: draws the graph with vis-network, then wires the
// filters, the search box and the details panel. Every text from the data goes
// into the page through textContent (vis-network shows string tooltips with
// innerText): quotes come from news articles and must never become markup.
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("policykg-data").textContent);
  var statements = DATA.statements;
  var nodeById = {};
  DATA.nodes.forEach(function (node) { nodeById[node.id] = node; });
  var edgeById = {};
  DATA.edges.forEach(function (edge) { edgeById[edge.id] = edge; });
  var articleByKey = {}; // profiles may name an article by file name or by IRI
  Object.keys(DATA.articles).forEach(function (key) {
    var article = DATA.articles[key];
    articleByKey[key] = { key: key, article: article };
    if (article.id) articleByKey[article.id] = { key: key, article: article };
  });

  // Hover tooltips are made here rather than shipped: for thousands of edges
  // they would be most of the file.
  function shorten(text, length) {
    return text.length <= length ? text : text.slice(0, length - 1) + "…";
  }
  function typeLabel(type) {
    return DATA.typeLabels[type] || type;
  }
  function nodeTooltip(node) {
    return node.label + " (" + typeLabel(node.etype) + ")\nsays " + node.said + " · talked about " + node.received +
      "\nClick for the profile.";
  }
  function edgeTooltip(edge) {
    if (edge.summary) return tieTooltip(edge);
    var counts = { for: 0, against: 0, neutral: 0 };
    edge.stmts.forEach(function (i) { counts[statements[i].stance] += 1; });
    var lines = [nodeById[edge.from].label + " → " + nodeById[edge.to].label + ": " +
      ["for", "against", "neutral"].filter(function (s) { return counts[s]; })
        .map(function (s) { return counts[s] + " " + s; }).join(" · ")];
    edge.stmts.slice(0, 3).forEach(function (i) {
      var statement = statements[i];
      var article = DATA.articles[statement.article] || {};
      var where = [statement.date, article.title || statement.article].filter(Boolean).join(", ");
      lines.push("“" + shorten(statement.quote, 160) + "” (" + statement.stance + (where ? "; " + where : "") + ")");
    });
    if (edge.stmts.length > 3) lines.push("… and " + (edge.stmts.length - 3) + " more.");
    lines.push("Click the edge for all statements and links.");
    return lines.join("\n");
  }
  function tieTooltip(edge) {
    var lines = [nodeById[edge.from].label + " – " + nodeById[edge.to].label, edge.summary];
    edge.stmts.slice(0, 4).forEach(function (i) {
      var statement = statements[i];
      lines.push(nodeById[statement.speaker] ? nodeById[statement.speaker].label + ": “" + shorten(statement.quote, 120) +
        "” (" + statement.stance + ")" : "“" + shorten(statement.quote, 120) + "”");
    });
    if (edge.stmts.length > 4) lines.push("… and " + (edge.stmts.length - 4) + " more statements.");
    return lines.join("\n");
  }
  // The page opens on the DATA.top most active entities (node.rank counts from 0); edges to hidden nodes hide too.
  var hiddenAtStart = {};
  DATA.nodes.forEach(function (node) {
    node.title = nodeTooltip(node);
    if (node.rank >= DATA.top) { node.hidden = true; hiddenAtStart[node.id] = true; }
  });
  DATA.edges.forEach(function (edge) { if (hiddenAtStart[edge.from] || hiddenAtStart[edge.to]) edge.hidden = true; });
  DATA.edges.forEach(function (edge) { edge.title = edgeTooltip(edge); });

  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  var network = new vis.Network(document.getElementById("network"), { nodes: nodes, edges: edges }, DATA.options);
  window.network = network; // for the console and the browser tests

  network.once("afterDrawing", function () {
    window.__firstDrawMs = performance.now(); // milliseconds since navigation start
  });
  if (DATA.physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } }); // freeze the layout: no drift, no busy CPU
      window.__settled = true;
    });
  } else {
    window.__settled = true;
  }

  // Same rules as edge_stance() and _edge_width() in render.py.
  function stanceOf(counts) {
    if (counts.for && counts.against) return "mixed";
    if (counts.against) return "against";
    if (counts.for) return "for";
    return "neutral";
  }
  function edgeWidth(count) {
    return Math.round(Math.min(1 + 2 * Math.log2(Math.max(count, 1)), 12) * 10) / 10;
  }

  // ---- filters: they select statements; an edge shows while one of its statements passes
  var passing = statements.map(function () { return true; });
  var limitInput = document.getElementById("top-limit");
  var limit = DATA.top;
  var visibleNodes = {};
  DATA.nodes.forEach(function (node) { if (node.rank < limit) visibleNodes[node.id] = true; });
  // What each item looks like now: only items that change are updated, as
  // vis-network re-reads every option of every item it is given.
  var drawnNodes = {};
  DATA.nodes.forEach(function (node) { drawnNodes[node.id] = node.hidden ? "hidden" : "shown"; });
  var drawnEdges = {};
  DATA.edges.forEach(function (edge) { drawnEdges[edge.id] = edge.hidden ? "hidden" : "shown " + edge.width + " " + edge.stance; });
  var articleSelect = document.getElementById("filter-article");
  var fromInput = document.getElementById("filter-from");
  var toInput = document.getElementById("filter-to");
  var shown = document.getElementById("shown");

  function checkedValues(selector) {
    var values = {};
    document.querySelectorAll(selector).forEach(function (box) { values[box.value] = box.checked; });
    return values;
  }

  function readFilters() {
    return {
      stances: checkedValues(".filter-stance"),
      types: checkedValues(".filter-type"),
      article: articleSelect.value,
      from: fromInput.value,
      to: toInput.value,
    };
  }

  function passes(statement, filters) {
    if (!filters.stances[statement.stance]) return false;
    if (filters.article && statement.article !== filters.article) return false;
    if (filters.from || filters.to) {
      if (!statement.from) return false; // undated statements can't be placed in a range
      if (filters.from && statement.to < filters.from) return false;
      if (filters.to && statement.from > filters.to) return false;
    }
    return true;
  }

  function applyFilters() {
    var filters = readFilters();
    var narrowing = !(filters.stances.for && filters.stances.against && filters.stances.neutral) ||
      filters.article || filters.from || filters.to;
    var active = {};
    passing = statements.map(function (statement) {
      var ok = passes(statement, filters);
      if (ok) {
        active[statement.speaker] = true;
        statement.targets.forEach(function (target) { active[target] = true; });
      }
      return ok;
    });
    visibleNodes = {};
    var nodeUpdates = [];
    DATA.nodes.forEach(function (node) {
      var show = node.rank < limit && filters.types[node.etype] && (!narrowing || active[node.id]);
      if (show) visibleNodes[node.id] = true;
      var state = show ? "shown" : "hidden";
      if (drawnNodes[node.id] !== state) nodeUpdates.push({ id: node.id, hidden: !show });
      drawnNodes[node.id] = state;
    });
    var edgeCount = 0;
    var edgeUpdates = [];
    DATA.edges.forEach(function (edge) {
      var counts = { for: 0, against: 0, neutral: 0 };
      var total = 0;
      edge.stmts.forEach(function (i) {
        if (passing[i]) { counts[statements[i].stance] += 1; total += 1; }
      });
      var show = (total > 0 || (DATA.tie && !narrowing)) && visibleNodes[edge.from] && visibleNodes[edge.to];
      var stance = DATA.tie && DATA.tie !== "actor-target" ? edge.stance : stanceOf(counts);
      var width = DATA.tie ? edge.width : edgeWidth(total);
      var state = show ? "shown " + width + " " + stance : "hidden";
      if (show) edgeCount += 1;
      if (drawnEdges[edge.id] === state) return;
      drawnEdges[edge.id] = state;
      edgeUpdates.push(show
        ? { id: edge.id, hidden: false, width: width, dashes: stance === "mixed", stance: stance, color: DATA.stanceColours[stance] }
        : { id: edge.id, hidden: true });
    });
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
    var statementCount = statements.filter(function (s, i) { return passing[i] && visibleNodes[s.speaker]; }).length;
    shown.textContent = "Showing " + Object.keys(visibleNodes).length + " of " + DATA.nodes.length +
      " entities, " + edgeCount + " of " + DATA.edges.length + " links, " +
      statementCount + " of " + statements.length + " statements.";
    runSearch();
  }

  // ---- how many of the most active entities show, and what colours them
  function setLimit(value) {
    limit = Math.max(1, Math.min(DATA.nodes.length, Math.floor(value) || 1));
    limitInput.value = limit;
    applyFilters();
  }
  limitInput.addEventListener("change", function () { setLimit(Number(limitInput.value)); });
  document.getElementById("show-more").addEventListener("click", function () { setLimit(limit + 50); });
  document.getElementById("show-all").addEventListener("click", function () { setLimit(DATA.nodes.length); });
  document.getElementById("colour-by").addEventListener("change", function (event) {
    var byCommunity = event.target.value === "community";
    nodes.update(DATA.nodes.map(function (node) {
      return { id: node.id, group: byCommunity ? "community-" + node.community : node.etype };
    }));
  });

  document.querySelectorAll(".filter-stance, .filter-type, #filter-article, #filter-from, #filter-to")
    .forEach(function (input) { input.addEventListener("change", applyFilters); });
  document.getElementById("filter-reset").addEventListener("click", function () {
    document.querySelectorAll(".filter-stance, .filter-type").forEach(function (box) { box.checked = true; });
    articleSelect.value = "";
    fromInput.value = "";
    toInput.value = "";
    applyFilters();
  });

  // ---- search: selects the visible actors whose name or alias contains the text; Enter focuses the first
  var search = document.getElementById("search");
  var searchResult = document.getElementById("search-result");
  var searchText = DATA.nodes.map(function (node) {
    var aliases = (DATA.profiles[node.id] || {}).aliases || [];
    return { id: node.id, text: [node.label].concat(aliases).join("\n").toLowerCase() };
  });

  function searchMatches() {
    var query = search.value.trim().toLowerCase();
    if (!query) return null;
    return searchText.filter(function (entry) {
      return visibleNodes[entry.id] && entry.text.indexOf(query) !== -1;
    }).map(function (entry) { return entry.id; });
  }

  function runSearch() {
    var ids = searchMatches();
    if (ids === null) {
      searchResult.textContent = "";
      return;
    }
    network.selectNodes(ids, false);
    searchResult.textContent = ids.length === 1 ? "1 match" : ids.length + " matches";
  }

  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    var ids = searchMatches();
    if (!ids || !ids.length) return;
    network.focus(ids[0], { scale: Math.max(network.getScale(), 1), animation: false });
    showNode(ids[0]);
  });

  // ---- details panel: an edge's statements, or an actor's profile
  var details = document.getElementById("details");

  function el(tag, text, className) {
    var element = document.createElement(tag);
    if (text !== undefined && text !== null) element.textContent = text;
    if (className) element.className = className;
    return element;
  }

  function articleElement(key) {
    var found = articleByKey[key];
    if (!found) return el("span", key);
    var text = found.article.title || found.key;
    var url = found.article.url;
    if (!url || !/^https?:\/\//i.test(url)) return el("span", text); // never a javascript: link
    var link = el("a", text);
    link.href = url;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    return link;
  }

  function statementElement(statement) {
    var box = el("div", null, "statement");
    var badge = el("span", statement.stance, "stance");
    badge.style.background = DATA.stanceColours[statement.stance];
    box.append(badge);
    if (statement.targets.length) {
      box.append(" about " + statement.targets.map(function (id) { return nodeById[id].label; }).join(", "));
    }
    box.append(el("blockquote", statement.quote));
    var meta = el("div", null, "meta");
    meta.append("— " + nodeById[statement.speaker].label +
      (statement.cue ? ", " + statement.cue : "") +
      (statement.kind === "indirect" ? " (reported)" : "") +
      (statement.date ? " · " + statement.date : ""));
    if (statement.article) meta.append(el("br"), articleElement(statement.article));
    box.append(meta);
    return box;
  }

  function showEdge(edgeId) {
    var edge = edgeById[edgeId];
    var shownIds = edge.stmts.filter(function (i) { return passing[i]; });
    details.replaceChildren(
      el("h2", nodeById[edge.from].label + " → " + nodeById[edge.to].label),
      el("p", shownIds.length + (shownIds.length === 1 ? " statement" : " statements") +
        (shownIds.length < edge.stmts.length ? " (" + (edge.stmts.length - shownIds.length) + " filtered out)" : ""), "hint"));
    shownIds.forEach(function (i) { details.append(statementElement(statements[i])); });
  }

  function showNode(nodeId) {
    var node = nodeById[nodeId];
    var profile = DATA.profiles[nodeId] || {};
    var said = [];
    var articles = {};
    statements.forEach(function (statement, i) {
      var involved = statement.speaker === nodeId || statement.targets.indexOf(nodeId) !== -1;
      if (involved && statement.article) articles[statement.article] = true;
      if (statement.speaker === nodeId && passing[i]) said.push(statement);
    });
    var list = el("dl", null, "profile");
    function entry(term, values) {
      if (!values || !values.length) return;
      list.append(el("dt", term));
      values.forEach(function (value) {
        var item = el("dd");
        item.append(value instanceof Node ? value : (typeof value === "string" ? value : JSON.stringify(value)));
        list.append(item);
      });
    }
    entry("Type", [typeLabel(node.etype)]);
    entry("Also known as", profile.aliases);
    entry("Roles", profile.roles);
    entry("Organisations", profile.organisations);
    entry("Statements", [node.said + " made", node.received + " about them"]);
    entry("Articles", (profile.articles && profile.articles.length ? profile.articles : Object.keys(articles)).map(articleElement));
    details.replaceChildren(el("h2", profile.label || node.label), list);
    if (said.length) {
      details.append(el("h3", "Says"));
      said.slice(0, 25).forEach(function (statement) { details.append(statementElement(statement)); });
      if (said.length > 25) details.append(el("p", "… and " + (said.length - 25) + " more.", "hint"));
    }
  }

  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });
})();
