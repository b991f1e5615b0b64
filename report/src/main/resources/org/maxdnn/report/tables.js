// Sorts a report page's tables by a column: click a heading to sort by it, again to reverse. Number
// cells (class "num") sort by their value as shown (thousands separators dropped), empty ones last;
// text cells alphabetically. Rows keep their order among equals. Nothing here fetches anything.
(function () {
  'use strict';
  function key(cell) {
    var text = cell ? cell.textContent.trim() : '';
    if (cell && cell.classList.contains('num')) {
      var v = parseFloat(text.replace(/,/g, ''));
      return isNaN(v) ? null : v;
    }
    return text === '' ? null : text;
  }
  function compare(a, b) {
    if (a === null || b === null) { return a === b ? 0 : (a === null ? 1 : -1); }
    if (typeof a === 'number' && typeof b === 'number') { return a - b; }
    return String(a).localeCompare(String(b));
  }
  Array.prototype.forEach.call(document.querySelectorAll('body > table'), function (table) {
    var body = table.tBodies[0];
    if (!body || !table.tHead) { return; }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
      th.classList.add('sortable');
      th.title = 'sort by this column';
      th.addEventListener('click', function () {
        var descending = th.dataset.sort === 'ascending';
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { delete h.dataset.sort; });
        th.dataset.sort = descending ? 'descending' : 'ascending';
        var rows = Array.prototype.slice.call(body.rows).map(function (row, i) { return {row: row, i: i}; });
        rows.sort(function (x, y) {
          var a = key(x.row.cells[column]);
          var b = key(y.row.cells[column]);
          var c = a === null || b === null ? compare(a, b) : (descending ? -compare(a, b) : compare(a, b));
          return c !== 0 ? c : x.i - y.i;
        });
        rows.forEach(function (r) { body.appendChild(r.row); });
      });
    });
  });
})();
