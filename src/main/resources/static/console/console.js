// Progressive enhancement of the console's forms; every form also works without it.
(function () {
  'use strict';

  function money(value) {
    var number = Number(value);
    return isFinite(number) ? number : 0;
  }

  // New order: add and remove lines, and the total as the lines change.
  function orderForm(form) {
    var body = form.querySelector('[data-lines]');
    var output = form.querySelector('[data-total]');
    function renumber() {
      Array.prototype.forEach.call(body.querySelectorAll('[data-line]'), function (row, index) {
        Array.prototype.forEach.call(row.querySelectorAll('input'), function (input) {
          input.name = input.name.replace(/lines\[\d+\]/, 'lines[' + index + ']');
          input.id = input.name.replace(/[\[\].]/g, '');
          var label = input.getAttribute('aria-label');
          if (label) {
            input.setAttribute('aria-label', label.replace(/^Line \d+/, 'Line ' + (index + 1)));
          }
        });
      });
    }
    function recalculate() {
      var total = 0;
      Array.prototype.forEach.call(body.querySelectorAll('[data-line]'), function (row) {
        var line = money(row.querySelector('[data-quantity]').value) * money(row.querySelector('[data-price]').value);
        row.querySelector('[data-line-total]').textContent = line ? line.toFixed(2) : '';
        total += line;
      });
      output.textContent = total.toFixed(2);
    }
    form.querySelector('[data-add-line]').hidden = false;
    Array.prototype.forEach.call(form.querySelectorAll('[data-remove-line]'), function (button) {
      button.hidden = false;
    });
    form.querySelector('[data-add-line]').addEventListener('click', function () {
      var rows = body.querySelectorAll('[data-line]');
      var copy = rows[rows.length - 1].cloneNode(true);
      Array.prototype.forEach.call(copy.querySelectorAll('input'), function (input) { input.value = ''; });
      body.appendChild(copy);
      renumber();
      copy.querySelector('input').focus();
      recalculate();
    });
    body.addEventListener('click', function (event) {
      var button = event.target.closest('[data-remove-line]');
      if (!button || body.querySelectorAll('[data-line]').length === 1) {
        return;
      }
      button.closest('[data-line]').remove();
      renumber();
      recalculate();
      form.querySelector('[data-add-line]').focus();
    });
    body.addEventListener('input', recalculate);
    recalculate();
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('.order-form'), orderForm);
    // a form sent once is not sent again by a second click while the first is on its way
    Array.prototype.forEach.call(document.querySelectorAll('form[data-one-submit]'), function (form) {
      form.addEventListener('submit', function (event) {
        if (form.dataset.sent) {
          event.preventDefault();
          return;
        }
        form.dataset.sent = 'true';
      });
    });
    document.addEventListener('click', function (event) {
      var button = event.target.closest('[data-confirm]');
      if (button && !window.confirm(button.getAttribute('data-confirm'))) {
        event.preventDefault();
      }
    });
  });
}());
