// The exported timeline's script. Events arrive as columns of plain text (html.py: page_data); the list and the
// hover are written from them here, article text always as text (textContent) or, where Plotly reads markup
// (hover and labels), escaped first. The list is drawn a screenful at a time as the reader scrolls. Marks are
// filtered by the event id each point (or each vertex of a line) carries in customdata, so every array of a
// trace stays aligned.
(function () {
  "use strict";
  var figure = JSON.parse(document.getElementById("figure-data").textContent);
  var data = JSON.parse(document.getElementById("items-data").textContent), ev = data.events;
  Object.keys(ev).forEach(function (key) {  // a column of repeated values travels as a table and an index into it
    var column = ev[key];
    if (!Array.isArray(column)) { ev[key] = column.index.map(function (i) { return column.values[i]; }); }
  });
  var chart = document.getElementById("chart"), list = document.getElementById("events");
  var more = document.getElementById("more"), nothing = document.getElementById("nothing");
  var total = ev.id.length, PAGE = 60, shown = [], rendered = 0, search = null, at = {}, fitted = false;
  ev.id.forEach(function (id, i) { at[id] = i; });

  function escapeHtml(text) {  // Plotly reads chart text as HTML: labels and hover are article text
    return text.replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }
  function noteWords(i) {
    return data.notes.filter(function (_, bit) { return ev.notes[i] & (1 << bit); });
  }
  function outletsOf(i) { return ev.outlets[i].map(function (o) { return data.outlets[o]; }); }
  function wrap(text, width) {  // lines of at most ``width`` characters, for the hover box
    var lines = [], line = "";
    text.split(/\s+/).forEach(function (word) {
      if (line && line.length + word.length + 1 > width) { lines.push(line); line = word; } else { line = line ? line + " " + word : word; }
    });
    lines.push(line);
    return lines;
  }
  function hover(i) {  // what, when in words and as written, context, sources, notes: every piece escaped
    var outlets = outletsOf(i), lines = wrap(ev.title[i], 70).map(function (l) { return "<b>" + escapeHtml(l) + "</b>"; });
    lines.push(escapeHtml(ev.when[i] + " \u00b7 " + ev.written[i]));
    if (ev.relation[i]) { lines.push("context: " + escapeHtml(ev.relation[i])); }
    lines.push("sources: " + escapeHtml(outlets.slice(0, 5).join(", ") + (outlets.length > 5 ? " \u2026" : "")));
    if (ev.notes[i]) { lines.push(escapeHtml(noteWords(i).join(" \u00b7 "))); }
    return lines.join("<br>");
  }
  var texts = ev.id.map(function (_, i) { return hover(i); });
  figure.data.forEach(function (trace) {
    if (trace.customdata) { trace.hovertext = trace.customdata.map(function (id) { return texts[at[id]]; }); trace.hoverinfo = "text"; }
  });
  var original = figure.data;
  var named = {};  // the sources the legend names (raw names in meta), whatever the filters
  original.forEach(function (trace) { if (trace.legendgroup === "sources" && trace.meta != null) { named[trace.meta] = true; } });

  function node(tag, className, text) {
    var el = document.createElement(tag);
    if (className) { el.className = className; }
    if (text !== undefined) { el.textContent = text; }
    return el;
  }
  function sourceItem(source) {  // outlet · title (linked if http(s)) · publication date, then the sentence
    var article = data.articles[source[0]], li = node("li"), quote = node("q"), sentence = source[1];
    li.appendChild(node("b", "", article[0]));
    li.appendChild(document.createTextNode(" \u00b7 "));
    var title = node(/^https?:\/\//i.test(article[2]) ? "a" : "span", "", article[1]);
    if (title.tagName === "A") { title.href = article[2]; title.rel = "noopener noreferrer"; title.target = "_blank"; }
    li.appendChild(title);
    if (article[3]) { li.appendChild(document.createTextNode(" \u00b7 " + article[3])); }
    li.appendChild(node("br"));
    var start = source[2], end = source[3];
    if (0 <= start && start < end && end <= sentence.length) {  // no date words (start = end): nothing marked
      quote.appendChild(document.createTextNode(sentence.slice(0, start)));
      quote.appendChild(node("mark", "", sentence.slice(start, end)));
      quote.appendChild(document.createTextNode(sentence.slice(end)));
    } else { quote.textContent = sentence; }
    li.appendChild(quote);
    return li;
  }
  function entry(i) {  // one entry of the list: date in words, title, notes, sources, and how the date was worked out
    var article = node("article", "event"), what = node("div", "what"), meta = node("p", "meta");
    article.dataset.id = ev.id[i];
    article.appendChild(node("div", "when", ev.when[i]));
    what.appendChild(node("h3", "", ev.title[i]));
    var n = ev.sources[i].length;
    meta.textContent = ev.written[i] + " \u00b7 " + n + " source" + (n === 1 ? "" : "s") + " \u00b7 " + ev.precision[i];
    noteWords(i).forEach(function (words) { meta.appendChild(document.createTextNode(" ")); meta.appendChild(node("span", "flag", words)); });
    what.appendChild(meta);
    if (ev.relation[i]) { what.appendChild(node("p", "meta", "Context: " + ev.relation[i])); }
    var sources = node("ul", "sources");
    ev.sources[i].forEach(function (source) { sources.appendChild(sourceItem(source)); });
    what.appendChild(sources);
    var details = node("details");
    details.appendChild(node("summary", "", "How this date was worked out"));
    details.appendChild(node("p", "", ev.explanation[i]));
    details.appendChild(node("p", "advanced", "TIMEX3 value " + ev.value[i]));
    what.appendChild(details);
    article.appendChild(what);
    return article;
  }
  function searchText(i) {  // title, evidence, sources and names, in lower case (made on the first search)
    var sentence = ev.sentence[i] !== null ? ev.sentence[i] : (ev.sources[i][0] || [0, ""])[1];
    var names = ev.names[i].map(function (n) { return data.names[n]; });
    return [ev.title[i], sentence].concat(outletsOf(i), names).join(" ").toLowerCase();
  }

  function subset(value, keep, n) {
    if (Array.isArray(value) && value.length === n) { return value.filter(function (_, i) { return keep[i]; }); }
    if (value && typeof value === "object" && !Array.isArray(value)) {
      var out = {};
      Object.keys(value).forEach(function (k) { out[k] = subset(value[k], keep, n); });
      return out;
    }
    return value;
  }
  function draw(visible) {
    var firstOutlets = {};
    shown.forEach(function (i) { if (ev.outlets[i].length) { firstOutlets[data.outlets[ev.outlets[i][0]]] = true; } });
    var more = 0;  // the legend names the sources still shown (raw names in meta) and counts the rest
    Object.keys(firstOutlets).forEach(function (outlet) { if (!named[outlet]) { more += 1; } });
    var bit = 1 << data.notes.indexOf("hypothetical");  // the hypothetical mark's legend line: only over such marks
    var hypothetical = shown.some(function (i) { return (ev.notes[i] & bit) !== 0; });
    var traces = original.filter(function (trace) {
      if (trace.meta === "hypothetical" && trace.legendgroup === "marks") { return hypothetical; }
      return trace.legendgroup !== "sources" || (trace.meta == null ? more > 0 : firstOutlets[trace.meta] === true);
    }).map(function (trace) {
      if (trace.legendgroup === "sources" && trace.meta == null) {  // chart_style.more_sources
        return Object.assign({}, trace, {name: more + " more source" + (more === 1 ? "" : "s") + " (colours repeat)"});
      }
      var ids = trace.customdata;
      if (!ids) { return trace; }
      var keep = ids.map(function (id) { return visible[at[id]] === true; });
      return subset(trace, keep, ids.length);
    });
    // labels refit after a draw that moved the time axis, and after the first (drawn for an assumed width)
    var layout = closeLanes(traces), refit = !chart._fullLayout || shown.length < total || fitted;
    fitted = Boolean(chart._fullLayout) && shown.length < total;
    if (fitted) { fitTime(traces, layout); }
    if (chart._fullLayout) {  // labels fitted to the axes on screen, in the same draw (a second draw costs)
      traces.forEach(function (trace) { if (isLabels(trace)) { trace.text = labelTexts(trace); } });
    }
    var drawn = Plotly.react(chart, traces, layout, {responsive: true, displaylogo: false});
    var after = fitted && shown.length <= REPACK_AT_MOST ? repack : relabel;
    if (refit) { drawn.then(function () { window.setTimeout(after, 0); }); }  // after the marks are on screen
  }
  function inHistory(trace) { return trace.xaxis === "x2" || trace.xaxis === "x3"; }
  function closeLanes(traces) {  // lanes and a history panel the filters emptied are left out, so none looks empty
    var meta = figure.layout.meta, lanes = meta.lanes, used = lanes.map(function () { return false; });
    var historyRows = {};
    function laneOf(y) {
      for (var i = 0; i < lanes.length; i += 1) { if (y <= lanes[i][0] + 0.5 && y > lanes[i][0] - lanes[i][1]) { return i; } }
      return -1;
    }
    traces.forEach(function (trace) {
      if (trace.name === "spans" || trace.name === "points") {
        trace.y.forEach(function (y) {
          if (y === null) { return; }
          if (inHistory(trace)) { historyRows[y] = true; } else { used[laneOf(y)] = true; }
        });
      }
    });
    var rows = Object.keys(historyRows).map(Number).sort(function (a, b) { return b - a; }), toRow = {};
    rows.forEach(function (y, i) { toRow[y] = -i; });  // the history list's rows still used, packed from the top
    var history = rows.length > 0, left = history ? meta.story_left : 0;
    var shift = [], top = 0, ticks = [], names = [], bands = [], closed = [];
    lanes.forEach(function (lane, i) {
      shift.push(-top - lane[0]);
      if (!used[i]) { return; }
      ticks.push(-top);
      closed.push([-top, lane[1]]);
      names.push(figure.layout.yaxis.ticktext[i]);
      if (names.length % 2 === 1) {
        bands.push({type: "rect", xref: "paper", x0: left, x1: 1, yref: "y", y0: -top + 0.5, y1: -top - lane[1] + 0.5,
                    fillcolor: "#f3f5f8", line: {width: 0}, layer: "below"});
      }
      top += lane[1] + meta.lane_gap;
    });
    traces.forEach(function (trace) {
      if (trace.customdata && trace.y) {
        trace.y = trace.y.map(function (y) {
          return y === null ? null : inHistory(trace) ? (y in toRow ? toRow[y] : y) : y + shift[laneOf(y)];
        });
      }
    });
    var height = Math.max(top, rows.length);
    var layout = JSON.parse(JSON.stringify(figure.layout));  // a copy: Plotly writes the reader's zoom into its layout
    layout.meta.lanes = closed;  // as drawn now, for a repack; and where the story starts, how long the history is
    layout.meta.story_left_now = left;
    layout.meta.history_rows_now = rows.length;
    layout.yaxis = Object.assign({}, figure.layout.yaxis, {tickvals: ticks, ticktext: names, range: [-height + 0.2, 0.8]});
    layout.shapes = bands.concat((figure.layout.shapes || []).filter(function (s) { return s.yref !== "y"; }));
    layout.height = Math.round(meta.base_px + meta.row_px * height);
    return figure.layout.xaxis2 && !history ? withoutHistory(layout) : layout;
  }
  function fitTime(traces, layout) {  // the story's axis spans the events shown, not the whole timeline's
    var axis = chart._fullLayout.xaxis, low = Infinity, high = -Infinity, lastBegin = Infinity;
    traces.forEach(function (trace) {
      if ((trace.name !== "spans" && trace.name !== "points") || (trace.xaxis || "x") !== "x") { return; }
      trace.x.forEach(function (x, i) {
        if (x === null) { return; }
        var begin = trace.base ? axis.d2c(trace.base[i]) : axis.d2c(x), end = trace.base ? begin + x : begin;
        low = Math.min(low, begin);
        if (end > high || (end === high && begin < lastBegin)) { lastBegin = begin; }
        high = Math.max(high, end);
      });
    });
    if (low > high) { return; }
    var meta = figure.layout.meta, span = Math.max(high - low, 864e5);  // room for a label as chart_layout._story_end
    var pad = (lastBegin - low) / span >= meta.early_share ? meta.right_pad : meta.label_room_share;
    layout.xaxis = Object.assign({}, layout.xaxis, {range: [axis.c2d(low - span * 0.02), axis.c2d(high + span * pad)],
                                                     autorange: false});
  }
  function withoutHistory(layout) {  // nothing earlier matches: the story takes the whole width
    layout.xaxis = Object.assign({}, figure.layout.xaxis, {domain: [0, 1]});
    ["xaxis2", "xaxis3"].forEach(function (name) {
      layout[name] = Object.assign({}, figure.layout[name], {visible: false, domain: [0, 0.001]});
    });
    layout.annotations = (figure.layout.annotations || []).filter(function (a) { return !a.name; });
    return layout;
  }
  // Filtered, the story's events are packed into rows again at the scale they are now drawn (labels.py's rules,
  // chart_layout.py's packing): the full timeline's rows gave a label only the room it had at the full timeline's
  // scale, and a lane may now take more rows, so labels that had no room find some.
  var REPACK_AT_MOST = 600, REPACK_ROWS = 8;
  function markBoxes(axis) {  // each story event's mark on screen: [left, right] pixels, its lane's tick, its rank
    var items = {}, lanes = chart.layout.meta.lanes;
    function laneTop(y) {
      for (var i = 0; i < lanes.length; i += 1) { if (y <= lanes[i][0] + 0.5 && y > lanes[i][0] - lanes[i][1]) { return lanes[i][0]; } }
      return null;
    }
    chart.data.forEach(function (trace) {
      if ((trace.name !== "spans" && trace.name !== "points") || inHistory(trace)) { return; }
      trace.customdata.forEach(function (id, k) {
        var left, right, half = trace.marker && Array.isArray(trace.marker.size) ? trace.marker.size[k] / 2 : 6;
        if (trace.base) {
          left = axis.c2p(axis.d2c(trace.base[k]));
          right = axis.c2p(axis.d2c(trace.base[k]) + trace.x[k]);
        } else {
          left = axis.c2p(axis.d2c(trace.x[k])) - half;
          right = left + 2 * half;
        }
        items[id] = {id: id, top: laneTop(trace.y[k]), left: left, right: right, rank: Infinity, label: null,
                     bar: Boolean(trace.base)};
      });
    });
    return items;
  }
  function packRows(members, meta, length) {  // most important first, each into the first row with room for its label:
    var rows = [];  // after its mark, or before it where the axis (``length`` px) ends first (chart_layout.py: _spots)
    function free(row, a, b) { return row.every(function (box) { return box[1] <= a || box[0] >= b; }); }
    members.sort(function (a, b) { return (a.rank - b.rank) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0); }).forEach(function (item) {
      var widths = item.label ? labelWidths(item.label).concat([0]) : [0];
      var chosen = -1, spot = [item.left, item.right], before = false;
      for (var w = 0; w < widths.length && chosen < 0; w += 1) {
        var need = widths[w];
        before = widths[w] > 0 && item.right + meta.mark_gap + need > length && item.left - meta.mark_gap - need >= 0;
        spot = !widths[w] ? [item.left, item.right] : before ? [item.left - meta.mark_gap - need, item.right]
          : [item.left, item.right + meta.mark_gap + need];
        for (var r = 0; r < REPACK_ROWS && chosen < 0; r += 1) {
          rows[r] = rows[r] || [];
          if (free(rows[r], spot[0], spot[1])) { chosen = r; }
        }
      }
      item.before = before && chosen >= 0;
      item.start = item.before ? spot[0] : item.right + meta.mark_gap;
      item.row = chosen < 0 ? REPACK_ROWS - 1 : chosen;
      rows[item.row].push(spot);
    });
    return rows.length;
  }
  function breakEdges(axis) {  // where the axis' folded stretches are marked, in pixels: no label runs over a marker
    return (axis.rangebreaks || []).filter(function (fold) { return fold.enabled !== false && fold.bounds; })
      .map(function (fold) { return axis.c2p(axis.d2c(fold.bounds[0])); });
  }
  function roomEnd(item, row, width, breaks) {  // up to the next mark, label or fold marker; none if a mark covers its start
    if (item.before) {  // a label before its mark ends there, and has no room where a mark left in its row lies under it
      var stop = item.left - chart.layout.meta.mark_gap;  // nor across a fold's marker
      breaks.forEach(function (edge) { if (edge > item.start && edge < stop) { item.start = edge; } });
      return row.some(function (other) { return other !== item && other.left < stop && other.right > item.start; })
        ? item.start : stop;
    }
    var end = width;
    for (var k = 0; k < row.length; k += 1) {
      var other = row[k];
      if (other === item) { continue; }
      if (other.left <= item.start && other.right >= item.start) { return item.start; }
      if (other.start === item.start && (other.rank < item.rank || (other.rank === item.rank && other.id < item.id))) {
        return item.start;  // the more important of two starting at one place has the room (unlabelled: by id)
      }
      [other.left, other.start].forEach(function (edge) { if (edge > item.start && edge < end) { end = edge; } });
    }
    breaks.forEach(function (edge) { if (edge > item.start && edge < end) { end = edge; } });
    return end;
  }
  function stackLanes(byLane, meta, axis) {  // each lane's rows packed, lanes stacked from the top, bands on every other
    var placed = {lanes: [], bands: [], y: {}, top: 0}, breaks = breakEdges(axis);
    chart.layout.yaxis.tickvals.forEach(function (tick, i) {
      var members = byLane[tick] || [], height = meta.lane_head + packRows(members, meta, axis._length), rows = {};
      var top = placed.top;
      members.forEach(function (item) {
        placed.y[item.id] = -top - meta.lane_head - item.row;
        (rows[item.row] = rows[item.row] || []).push(item);
      });
      members.forEach(function (item) { item.end = roomEnd(item, rows[item.row], axis._length, breaks); });
      Object.keys(rows).forEach(function (r) { insideBars(rows[r], meta); });
      if (i % 2 === 0) {
        placed.bands.push({type: "rect", xref: "paper", x0: meta.story_left_now, x1: 1, yref: "y", y0: -top + 0.5,
                           y1: -top - height + 0.5, fillcolor: "#f3f5f8", line: {width: 0}, layer: "below"});
      }
      placed.lanes.push([-top, height]);
      placed.top += height + meta.lane_gap;
    });
    return placed;
  }
  // A bar with more room for its label inside it than beside it takes its label inside (chart_layout.py: _inside_bars),
  // up to the first other mark starting within it; none where another mark covers its start.
  function insideBars(row, meta) {
    row.forEach(function (item) {
      if (!item.bar || !item.label) { return; }
      var others = row.filter(function (other) { return other !== item; });
      if (others.some(function (other) { return other.left <= item.left && other.right > item.left; })) { return; }
      var stop = item.right;
      others.forEach(function (other) { if (other.left > item.left && other.left < stop) { stop = Math.min(stop, other.left - meta.mark_gap); } });
      var beside = Math.max(item.end - item.start, 0), within = stop - item.left;
      if (within > beside && fitText(item.label, within).length > fitText(item.label, beside).length) {
        item.inside = true;
        item.start = item.left;
        item.end = stop;
      }
    });
  }
  function moved(trace, items, placed, axis) {  // a story trace with its events' new rows, and its labels' new room
    var ids = trace.customdata, copy = Object.assign({}, trace, {y: ids.map(function (id, k) {
      return id in placed.y ? placed.y[id] : trace.y[k];
    })});
    if (isLabels(trace)) {
      copy.base = ids.map(function (id, k) { return items[id] ? axis.c2d(axis.p2c(items[id].start)) : trace.base[k]; });
      copy.x = ids.map(function (id, k) {
        var item = items[id];
        return item ? Math.max(axis.p2c(Math.max(item.end, item.start)) - axis.p2c(item.start), 0) : trace.x[k];
      });
      copy.insidetextanchor = "start";  // repacked, a label before its mark has just the room its text needs
      // a label inside its bar takes the ink that reads on the bar (meta: viz.py's _add_label_bars); others the ink
      copy.textfont = Object.assign({}, trace.textfont, {color: ids.map(function (id, k) {
        return !items[id] ? trace.textfont.color[k] : items[id].inside ? trace.meta[k][3] : chart.layout.meta.ink;
      }), shadow: ids.map(function (id, k) {  // and its halo there
        return !items[id] ? trace.textfont.shadow[k] : items[id].inside ? trace.meta[k][4] : "none";
      })});
      copy.text = labelTexts(copy);
    }
    return copy;
  }
  function repack() {
    var axis = chart._fullLayout.xaxis, layout = chart.layout, meta = layout.meta, items = markBoxes(axis), byLane = {};
    if (chart.data.some(function (t) { return t.type === "scattergl" && !inHistory(t); })) { return relabel(); }
    chart.data.forEach(function (trace) {
      if (!isLabels(trace) || inHistory(trace)) { return; }
      trace.customdata.forEach(function (id, k) {  // the rank by score among all the labels (viz.py: _add_labels)
        if (items[id]) { items[id].rank = trace.meta[k][2]; items[id].label = trace.meta[k]; }
      });
    });
    Object.keys(items).forEach(function (id) { var top = items[id].top; (byLane[top] = byLane[top] || []).push(items[id]); });
    var placed = stackLanes(byLane, meta, axis), height = Math.max(placed.top, meta.history_rows_now);
    var data = chart.data.map(function (trace) {
      var story = trace.customdata && !inHistory(trace) && (trace.name === "spans" || trace.name === "points" || isLabels(trace));
      return story ? moved(trace, items, placed, axis) : trace;
    });
    settled(Plotly.react(chart, data, Object.assign({}, layout, {
      meta: Object.assign({}, meta, {lanes: placed.lanes}), height: Math.round(meta.base_px + meta.row_px * height),
      yaxis: Object.assign({}, layout.yaxis, {tickvals: placed.lanes.map(function (l) { return l[0]; }), range: [-height + 0.2, 0.8]}),
      shapes: placed.bands.concat((layout.shapes || []).filter(function (s) { return s.yref !== "y"; }))})));
  }
  function renderMore() {
    var stop = Math.min(rendered + PAGE, shown.length), part = document.createDocumentFragment();
    for (var k = rendered; k < stop; k += 1) { part.appendChild(entry(shown[k])); }
    list.appendChild(part);
    rendered = stop;
  }
  function fill() {
    while (rendered < shown.length && more.getBoundingClientRect().top < window.innerHeight + 800) { renderMore(); }
  }
  function hypotheticalHidden() {  // hypothetical, conditional and negated happenings stay off until the reader asks
    var bit = 1 << data.notes.indexOf("hypothetical"), show = document.getElementById("f-hypothetical").checked;
    return function (i) { return !show && (ev.notes[i] & bit) !== 0; };
  }
  function apply() {
    var hiddenHypothetical = hypotheticalHidden();
    var outlet = data.outlets.indexOf(document.getElementById("f-outlet").value);
    var name = data.names.indexOf(document.getElementById("f-name").value);
    var text = document.getElementById("f-text").value.trim().toLowerCase();
    var from = document.getElementById("f-from").value, to = document.getElementById("f-to").value;
    if (text && !search) { search = ev.id.map(function (_, i) { return searchText(i); }); }
    var visible = new Array(total);
    shown = [];
    for (var i = 0; i < total; i += 1) {
      var ok = (outlet < 0 || ev.outlets[i].indexOf(outlet) >= 0) && (name < 0 || ev.names[i].indexOf(name) >= 0) &&
        (!text || search[i].indexOf(text) >= 0) && (!from || ev.end[i] > from) && (!to || ev.begin[i] <= to) && !hiddenHypothetical(i);
      visible[i] = ok;
      if (ok) { shown.push(i); }
    }
    var hidden = total - shown.length;
    document.getElementById("count").textContent = shown.length + " of " + total + " events shown" +
      (hidden ? " \u00b7 the filters hide " + hidden : "");
    list.textContent = "";
    rendered = 0;
    renderMore();
    fill();
    nothing.hidden = shown.length > 0 || total === 0;
    chart.hidden = shown.length === 0 && total > 0;
    if (!chart.hidden) { draw(visible); }
  }
  function shorten(entry, chars) {  // the longest whole phrase of the label that fits (labels.py: shortened)
    var label = entry[0], best = "";
    if (label.length <= chars) { return label; }
    entry[1].forEach(function (cut) { if (cut + 1 <= chars) { best = label.slice(0, cut) + "\u2026"; } });
    return best;
  }
  function labelTexts(trace) {  // each label shortened to the room its bar has on screen now, or none
    var meta = figure.layout.meta, axis = chart._fullLayout["xaxis" + (trace.xaxis || "x").slice(1)];
    return trace.meta.map(function (entry, i) {  // only the part of its room inside the axes counts: Plotly clips
      var begin = axis.d2c(trace.base[i]), left = axis.c2p(begin), right = axis.c2p(begin + trace.x[i]);
      if (trace.insidetextanchor === "end") {  // a label before its mark: its end must be on screen
        if (right > axis._length) { return ""; }
        left = Math.max(left, 0);
      } else {
        if (left < 0) { return ""; }
        right = Math.min(right, axis._length);
      }
      return escapeHtml(fitText(entry, right - left));
    });
  }
  var ruler = null;  // labels measured in the font they are drawn in, as chart_layout measures them (text_px)
  function textPx(text) {
    if (!ruler) {
      ruler = document.createElement("canvas").getContext("2d");
      ruler.font = figure.layout.meta.label_px + "px " + figure.layout.meta.font;
    }
    return ruler.measureText(text).width;
  }
  function fitText(entry, room) {  // the label, or its longest whole phrase, that fits ``room`` pixels as drawn, its
    var meta = figure.layout.meta, label = entry[0], fits = room - meta.text_pad;  // padding kept (label_for)
    if (Math.floor(fits / meta.char_px) < meta.min_chars) { return ""; }
    if (textPx(label) <= fits) { return label; }
    for (var k = entry[1].length - 1; k >= 0; k -= 1) {
      var phrase = label.slice(0, entry[1][k]) + "\u2026";
      if (textPx(phrase) <= fits) { return phrase; }
    }
    return "";
  }
  function labelWidths(entry) {  // pixels the packing asks for: the label's longest form, then its shortest phrase
    // (chart_layout._label_px), with a pixel spare: the room is turned into time and back before the text is fitted
    var label = entry[0], stops = entry[1], pad = figure.layout.meta.text_pad + 1;
    var short = stops.length ? label.slice(0, stops[0]) + "\u2026" : label;
    return [textPx(shorten(entry, figure.layout.meta.label_chars) || short) + pad, textPx(short) + pad];
  }
  function isLabels(trace) { return trace.name === "labels" && trace.meta; }
  function relabel() {  // after a zoom: more room, more labels
    var redraws = [];
    chart.data.forEach(function (trace, index) {
      if (!isLabels(trace)) { return; }
      var text = labelTexts(trace);
      if (text.join("\u0001") !== (trace.text || []).join("\u0001")) { redraws.push(Plotly.restyle(chart, {text: [text]}, [index])); }
    });
    settled(Promise.all(redraws));
  }
  function settled(redrawn) {  // the page says when labels are fitted to a draw (benchmarks wait for it)
    redrawn.then(function () { chart.dataset.fitted = String(Number(chart.dataset.fitted || 0) + 1); });
  }
  ["f-outlet", "f-name", "f-text", "f-from", "f-to", "f-hypothetical"].forEach(function (id) {
    document.getElementById(id).addEventListener("input", apply);
  });
  window.addEventListener("scroll", fill, {passive: true});
  apply();
  chart.on("plotly_relayout", relabel);
  chart.on("plotly_click", function (event) {
    var place = shown.indexOf(at[event.points[0].customdata]);
    while (place >= rendered) { renderMore(); }
    var el = list.children[place];
    if (el) { el.scrollIntoView({behavior: "smooth", block: "center"}); }
  });
})();
