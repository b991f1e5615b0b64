// Draws a report page's charts with Apache ECharts from the tables embedded in the page (#maxdnn-data):
// the same values, and the same formatted cells, that the console and the CSV files show. Each chart
// is a kind (pareto: the explorer of fronts and maps; bars: grouped or stacked bars) and a spec Java
// wrote: which tables and columns it reads. Nothing here fetches anything.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('maxdnn-data').textContent);
  var FRONT_COLOURS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7',
    '#9c755f', '#bab0ac'];

  /** A table by id with its columns looked up by id. */
  function table(id) {
    var t = data.tables[id];
    var index = {};
    t.columns.forEach(function (c, i) { index[c.id] = i; });
    return {
      id: id,
      rows: t.rows.length,
      has: function (col) { return col != null && index[col] !== undefined; },
      value: function (r, col) { return t.rows[r][index[col]]; },
      shown: function (r, col) { return t.shown[r][index[col]]; },
      heading: function (col) { return t.columns[index[col]].heading; }
    };
  }

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }

  /** Lines "heading: shown value" for the columns a chart names, skipping empty cells. */
  function cellLines(t, r, columns) {
    return columns.filter(function (c) { return t.has(c) && t.shown(r, c) !== ''; }).map(function (c) {
      return '<tr><td>' + escapeHtml(t.heading(c)) + '</td><td class="num">' + escapeHtml(t.shown(r, c)) + '</td></tr>';
    }).join('');
  }

  /** A colour per configuration index: exact light grey, the others spread round the hue circle. */
  function configColour(name, index) {
    if (name === 'exact') { return '#d9d9d9'; }
    var hue = (index * 137.508) % 360;
    return 'hsl(' + hue.toFixed(0) + ',65%,' + (index % 2 ? 45 : 60) + '%)';
  }

  // ---- the Pareto explorer ------------------------------------------------------------------------

  function pareto(host, chart) {
    var s = chart.spec;
    var controls = element('div', 'chart-controls');
    var plot = element('div', 'chart-plot');
    var panel = element('div', 'map-panel');
    panel.hidden = true;
    host.appendChild(controls);
    host.appendChild(plot);
    host.appendChild(panel);
    var ec = echarts.init(plot, null, {renderer: 'canvas'});
    var state = {view: 0};
    var fronts = s.fronts.map(function (f) { return {spec: f, table: table(f.table)}; });

    s.views.forEach(function (v, i) {
      var b = element('button', 'view-toggle', v.name);
      b.type = 'button';
      b.dataset.view = v.name;
      b.addEventListener('click', function () { state.view = i; draw(); });
      controls.appendChild(b);
    });
    controls.appendChild(element('span', 'chart-hint', 'Hover a point for its figures; click it for its map.'));

    function row(front, r) {
      var v = s.views[state.view];
      var t = front.table;
      var y = t.value(r, v.y);
      var low = t.has(v.low) ? t.value(r, v.low) : (t.has(v.high) ? y : null);
      var high = t.has(v.high) ? t.value(r, v.high) : null;
      return {x: t.value(r, s.x), y: y, low: low, high: high};
    }

    function option() {
      var v = s.views[state.view];
      var series = [];
      var marked = [];
      fronts.forEach(function (front, fi) {
        var colour = FRONT_COLOURS[fi % FRONT_COLOURS.length];
        var points = [];
        var whiskers = [];
        for (var r = 0; r < front.table.rows; r++) {
          var p = row(front, r);
          points.push({value: [p.x, p.y], row: r});
          if (p.low != null && p.high != null && p.y != null) {
            whiskers.push([p.x, p.low, p.high]);
          }
        }
        var front_series = {
          id: 'front:' + front.spec.approach, name: front.spec.approach, type: 'scatter', data: points,
          symbolSize: front.spec.baseline ? 10 : 9, symbol: front.spec.baseline ? 'triangle' : 'circle',
          itemStyle: {color: colour}, z: 3, emphasis: {scale: 1.6}
        };
        if (fi === 0 && s.boundPts != null) {
          front_series.markLine = {
            silent: true, symbol: 'none', lineStyle: {color: '#c00', type: 'dashed'},
            label: {formatter: 'loss bound ' + s.boundPts + ' pts', position: 'insideEndTop'},
            data: [{yAxis: s.boundPts}]
          };
        }
        series.push(front_series);
        series.push({
          id: 'whisker:' + front.spec.approach, name: front.spec.approach, type: 'custom', data: whiskers,
          itemStyle: {color: colour}, silent: true, z: 2, tooltip: {show: false},
          encode: {x: 0, y: [1, 2]},
          renderItem: function (params, api) {
            var top = api.coord([api.value(0), api.value(2)]);
            var bottom = api.coord([api.value(0), api.value(1)]);
            var style = {stroke: api.visual('color'), lineWidth: 1};
            return {
              type: 'group', children: [
                {type: 'line', shape: {x1: top[0], y1: top[1], x2: bottom[0], y2: bottom[1]}, style: style},
                {type: 'line', shape: {x1: top[0] - 3, y1: top[1], x2: top[0] + 3, y2: top[1]}, style: style},
                {type: 'line', shape: {x1: bottom[0] - 3, y1: bottom[1], x2: bottom[0] + 3, y2: bottom[1]}, style: style}
              ]
            };
          }
        });
      });
      (s.marks || []).forEach(function (m) {
        var front = fronts.filter(function (f) { return f.spec.approach === m.approach; })[0];
        if (front && m.point < front.table.rows) {
          var p = row(front, m.point);
          marked.push({value: [p.x, p.y], name: m.label});
        }
      });
      series.push({
        id: 'marks', name: 'marked', type: 'scatter', data: marked, silent: true, z: 1, symbol: 'circle',
        symbolSize: 22, itemStyle: {color: 'rgba(0,0,0,0)', borderColor: '#222', borderWidth: 2},
        label: {show: true, position: 'right', formatter: '{b}', color: '#222', fontWeight: 'bold'}
      });
      return {
        animation: false,
        color: FRONT_COLOURS,
        legend: {data: fronts.map(function (f) { return f.spec.approach; }), top: 0},
        grid: {left: 70, right: 40, top: 50, bottom: 60},
        tooltip: {trigger: 'item', confine: true, formatter: tooltip},
        xAxis: {type: 'value', name: s.xLabel, nameLocation: 'middle', nameGap: 32, scale: true},
        yAxis: {type: 'value', name: v.label, nameLocation: 'middle', nameGap: 48, scale: true},
        series: series
      };
    }

    function tooltip(params) {
      var front = fronts.filter(function (f) { return 'front:' + f.spec.approach === params.seriesId; })[0];
      if (!front) { return ''; }
      var r = params.data.row;
      var t = front.table;
      var lines = cellLines(t, r, s.tooltip);
      if (s.multiplierSharePct != null && t.value(r, s.x) != null) {
        lines += '<tr><td>whole-array saving (multiplier saving × multipliers\' ' + s.multiplierSharePct.toFixed(1)
          + '% share)</td><td class="num">' + (t.value(r, s.x) * s.multiplierSharePct / 100).toFixed(1) + '%</td></tr>';
      }
      return '<div class="maxdnn-tip"><b>' + escapeHtml(front.spec.approach) + ', point ' + escapeHtml(t.shown(r, 'point'))
        + '</b><table>' + lines + '</table></div>';
    }

    function draw() {
      ec.setOption(option(), true);
      Array.prototype.forEach.call(controls.querySelectorAll('button.view-toggle'), function (b, i) {
        b.classList.toggle('active', i === state.view);
      });
      host.dataset.view = s.views[state.view].name;
    }

    ec.on('click', function (params) {
      var front = fronts.filter(function (f) { return 'front:' + f.spec.approach === params.seriesId; })[0];
      if (front) { showMap(front, params.data.row); }
    });

    function showMap(front, r) {
      var m = s.maps.points[front.spec.approach][r];
      var names = s.maps.configurations;
      panel.hidden = false;
      panel.innerHTML = '';
      panel.dataset.approach = front.spec.approach;
      panel.dataset.point = String(r);
      var head = element('div', 'map-head');
      head.appendChild(element('b', null, front.spec.approach + ', point ' + front.table.shown(r, 'point') + ': '
        + front.table.heading(s.x) + ' ' + front.table.shown(r, s.x) + ' '));
      var link = element('a', 'map-json', 'map (JSON)');
      link.href = front.spec.dir + '/' + front.table.value(r, 'map');
      head.appendChild(link);
      var select = element('select', 'map-level');
      select.appendChild(new Option('every layer: configuration per filter (majority of its kernels)', ''));
      Object.keys(m.kernels).forEach(function (layer) {
        select.appendChild(new Option(layer + ': configuration per kernel (filter × input channel)', layer));
      });
      head.appendChild(select);
      panel.appendChild(head);
      var heat = element('div', 'map-heat');
      panel.appendChild(heat);
      var legend = element('ul', 'map-legend');
      m.used.forEach(function (i) {
        var item = element('li');
        var swatch = element('span', 'swatch');
        swatch.style.background = configColour(names[i], i);
        item.appendChild(swatch);
        item.appendChild(document.createTextNode(names[i]));
        item.dataset.configuration = names[i];
        legend.appendChild(item);
      });
      panel.appendChild(legend);
      if (m.omitted.length) {
        panel.appendChild(element('p', 'map-note', 'Per-kernel detail of ' + m.omitted.join(', ')
          + ' is in the JSON only (too many kernels to draw); the legend lists their configurations too.'));
      }
      var hc = echarts.init(heat, null, {renderer: 'canvas'});
      function drawHeat() {
        var layer = select.value;
        var grid = layer ? m.kernels[layer] : m.filters;
        var rows = layer ? grid.map(function (_, f) { return 'filter ' + f; }) : s.maps.layers;
        var width = Math.max.apply(null, grid.map(function (g) { return g.length; }));
        var cells = [];
        grid.forEach(function (line, y) {
          line.forEach(function (c, x) { cells.push([x, y, c]); });
        });
        hc.setOption({
          animation: false,
          grid: {left: 90, right: 20, top: 10, bottom: 40},
          tooltip: {
            formatter: function (p) {
              return escapeHtml(rows[p.value[1]]) + ', ' + (layer ? 'input channel ' : 'filter ') + p.value[0] + ': '
                + escapeHtml(names[p.value[2]]);
            }
          },
          xAxis: {type: 'category', name: layer ? 'input channel' : 'filter', nameLocation: 'middle', nameGap: 25,
            data: Array.from({length: width}, function (_, i) { return i; })},
          yAxis: {type: 'category', data: rows, inverse: true},
          visualMap: {
            type: 'piecewise', show: false, dimension: 2,
            pieces: m.used.map(function (i) { return {value: i, color: configColour(names[i], i)}; })
          },
          series: [{type: 'heatmap', data: cells}]
        }, true);
        heat.dataset.layer = layer;
      }
      select.addEventListener('change', drawHeat);
      drawHeat();
    }

    draw();
    return ec;
  }

  // ---- bars ------------------------------------------------------------------------------------

  function bars(host, chart) {
    var s = chart.spec;
    var t = table(s.table);
    var plot = element('div', 'chart-plot');
    host.appendChild(plot);
    var ec = echarts.init(plot, null, {renderer: 'canvas'});
    var categories = [];
    var rowsOf = {};
    for (var r = 0; r < t.rows; r++) {
      var c = String(t.value(r, s.category));
      if ((s.skip || []).indexOf(c) >= 0) { continue; }
      if (!(c in rowsOf)) { categories.push(c); rowsOf[c] = []; }
      rowsOf[c].push(r);
    }
    var series = [];
    if (s.pivot) {
      // one series per combination of the key columns, valued by one column
      var names = [];
      for (var q = 0; q < t.rows; q++) {
        if (!(String(t.value(q, s.category)) in rowsOf)) { continue; }
        var name = s.pivot.keys.map(function (k) { return t.shown(q, k); }).join(' / ');
        if (names.indexOf(name) < 0) { names.push(name); }
      }
      names.forEach(function (name) {
        series.push({
          name: name, type: 'bar', data: categories.map(function (c) {
            var hit = rowsOf[c].filter(function (q) {
              return s.pivot.keys.map(function (k) { return t.shown(q, k); }).join(' / ') === name;
            })[0];
            return hit === undefined ? null : {value: t.value(hit, s.pivot.value), shown: t.shown(hit, s.pivot.value)};
          })
        });
      });
    } else {
      s.series.filter(function (col) { return t.has(col); }).forEach(function (col) {
        series.push({
          name: t.heading(col), type: 'bar', stack: s.stacked ? 'all' : undefined,
          data: categories.map(function (c) {
            var q = rowsOf[c][0];
            return {value: t.value(q, col), shown: t.shown(q, col)};
          })
        });
      });
    }
    ec.setOption({
      animation: false,
      legend: {top: 0, type: 'scroll'},
      grid: {left: 80, right: 30, top: 60, bottom: 70},
      tooltip: {
        trigger: 'axis', axisPointer: {type: 'shadow'}, confine: true,
        formatter: function (items) {
          return '<div class="maxdnn-tip"><b>' + escapeHtml(items[0].name) + '</b><table>' + items.filter(function (i) {
            return i.data != null && i.data.value != null;
          }).map(function (i) {
            return '<tr><td>' + i.marker + escapeHtml(i.seriesName) + '</td><td class="num">' + escapeHtml(i.data.shown)
              + '</td></tr>';
          }).join('') + '</table></div>';
        }
      },
      xAxis: {type: 'category', data: categories, axisLabel: {interval: 0, rotate: categories.length > 8 ? 30 : 0}},
      yAxis: {type: s.logarithmic ? 'log' : 'value', name: s.yLabel, nameLocation: 'middle', nameGap: 60},
      series: series
    });
    return ec;
  }

  var KINDS = {pareto: pareto, bars: bars};
  window.maxdnnCharts = data.charts.map(function (chart) {
    var host = document.getElementById(chart.id);
    return {id: chart.id, kind: chart.kind, chart: KINDS[chart.kind](host, chart)};
  });
  window.addEventListener('resize', function () {
    window.maxdnnCharts.forEach(function (c) { c.chart.resize(); });
  });
  document.body.dataset.chartsReady = 'true';
})();
