/*
 * Page behaviours of the mocked MyOpenIP portal, jQuery style like the real one: tabs whose panes
 * arrive by XHR after "Chargement...", the termination dialog whose body arrives by XHR, form POSTs
 * sent with X-Requested-With (jQuery adds it), and the mock's demo panel.
 * Server answers are the portal's own markup; messages are always inserted as text.
 */
(($) => {
  const LOADING = 'Chargement...';
  const DROPPED =
    'La connexion au portail a été interrompue : l’opération n’a peut-être pas été prise en compte. Rechargez la page pour vérifier.';

  function loadingBlock(tag, className) {
    return $(`<${tag}>`).addClass(className).text(LOADING);
  }

  function errorMessage(xhr, fallback) {
    let answer = xhr.responseJSON;
    // jQuery only parses JSON when JSON was asked for; pane and dialog loads ask for HTML.
    if (!answer && /json/.test(xhr.getResponseHeader('Content-Type') || '')) {
      try {
        answer = JSON.parse(xhr.responseText);
      } catch {
        answer = null;
      }
    }
    if (answer && typeof answer.message === 'string') return answer.message;
    if (xhr.status === 0) return DROPPED;
    return fallback;
  }

  function loginLink() {
    const next = window.location.pathname + window.location.search;
    return $('<a>')
      .attr('href', `/login?next=${encodeURIComponent(next)}`)
      .text('Se reconnecter');
  }

  function showPaneError($pane, xhr) {
    const $alert = $('<div class="alert alert-danger" role="alert">').text(
      `${errorMessage(xhr, 'Le contenu n’a pas pu être chargé.')} `,
    );
    if (xhr.status === 401) $alert.append(loginLink());
    $pane.empty().append($alert);
  }

  /* Replaces the pane's whole content, as the real Détails tab does: first a placeholder, then the block. */
  function loadPane($pane, url) {
    const target = url || $pane.data('current') || $pane.data('src');
    $pane.data('current', target).attr('data-loaded', 'true');
    $pane.empty().append(loadingBlock('p', 'js-loading'));
    $.ajax({ url: target, dataType: 'html', cache: false })
      .done((markup) => $pane.html(markup))
      .fail((xhr) => showPaneError($pane, xhr));
  }

  /* Variant `cadre`: the pane shows its content in a same-origin frame, (re)made each time. */
  function loadFramePane($pane) {
    const $frame = $('<iframe class="details-frame">').attr({
      src: $pane.data('src'),
      title: $(`#${$pane.attr('aria-labelledby')}`).text(),
    });
    $pane.attr('data-loaded', 'true').empty().append($frame);
  }

  function reloadLoadedPanes() {
    $('.js-xhr-pane[data-loaded="true"]').each(function () {
      loadPane($(this));
    });
    $('.js-frame-pane[data-loaded="true"]').each(function () {
      loadFramePane($(this));
    });
  }

  function flash(message) {
    const $alert = $('<div class="alert alert-success alert-dismissible" role="status">')
      .append(
        '<button type="button" class="close" data-dismiss="alert" aria-label="Fermer"><span aria-hidden="true">&times;</span></button>',
      )
      .append($('<span>').text(message));
    $('.js-flash').empty().append($alert);
  }

  function showDialogError($form, xhr) {
    const $error = $form
      .find('.js-dialog-error')
      .removeClass('hidden')
      .text(`${errorMessage(xhr, 'L’opération a échoué.')} `);
    if (xhr.status === 401) $error.append(loginLink());
  }

  function postForm($form, url, onSuccess) {
    const $confirm = $form.find('.js-confirm').prop('disabled', true);
    $form.find('.js-dialog-error').addClass('hidden').empty();
    $.ajax({ type: 'POST', url, data: $form.serialize(), dataType: 'json' })
      .done((answer) => onSuccess(answer))
      .fail((xhr) => showDialogError($form, xhr))
      .always(() => $confirm.prop('disabled', false));
  }

  $(() => {
    $('body').tooltip({ selector: '[data-toggle="tooltip"]', container: 'body' });

    $('.tab-pane.active.js-xhr-pane').each(function () {
      loadPane($(this));
    });
    $('.tab-pane.active.js-frame-pane').each(function () {
      loadFramePane($(this));
    });
    $('a[data-toggle="tab"]').on('shown.bs.tab', function (event) {
      // Bootstrap 3 only maintains aria-expanded; keep the ARIA tab state right for role-based tests.
      $(event.relatedTarget).attr('aria-selected', 'false');
      $(this).attr('aria-selected', 'true');
      const $pane = $($(this).attr('href'));
      if ($pane.hasClass('js-xhr-pane')) loadPane($pane, $pane.data('src'));
      if ($pane.hasClass('js-frame-pane')) loadFramePane($pane);
    });
    $(document).on('submit', '.js-pane-form', function (event) {
      event.preventDefault();
      const $form = $(this);
      loadPane($form.closest('.js-xhr-pane'), `${$form.attr('action')}?${$form.serialize()}`);
    });
    $(document).on('click', 'a.js-pane-link', function (event) {
      event.preventDefault();
      loadPane($(this).closest('.js-xhr-pane'), $(this).attr('href'));
    });

    /* Termination: the dialog's body is fetched each time it opens, and dropped when it closes. */
    const $termination = $('#termination-modal');
    function resetDialog() {
      $termination.find('.modal-content').empty().append(loadingBlock('div', 'modal-body'));
    }
    $termination.on('show.bs.modal', (event) => {
      const url = $(event.relatedTarget).data('url');
      resetDialog();
      $.ajax({ url, dataType: 'html', cache: false })
        .done((markup) => {
          $termination.find('.modal-content').html(markup);
          $termination.find('input[name="quantity"]').trigger('focus');
        })
        .fail((xhr) => {
          const $body = $('<div class="modal-body">').append(
            $('<div class="alert alert-danger" role="alert">').text(
              errorMessage(xhr, 'La fenêtre n’a pas pu être chargée.'),
            ),
          );
          const $footer = $('<div class="modal-footer">').append(
            $('<button type="button" class="btn btn-default" data-dismiss="modal">').text('Fermer'),
          );
          $termination.find('.modal-content').empty().append($body, $footer);
        });
    });
    $termination.on('hidden.bs.modal', resetDialog);
    /* The `stepper` variant: +/− set the quantity the way many widgets do, without any event. */
    $(document).on('click', '.js-step', function () {
      const input = $(this).closest('.js-stepper').find('input')[0];
      const value = Number.parseInt(input.value, 10);
      input.value = String((Number.isNaN(value) ? 0 : value) + Number($(this).data('step')));
    });
    $(document).on('submit', '.js-termination-form', function (event) {
      event.preventDefault();
      const $form = $(this);
      postForm($form, $form.attr('action'), (answer) => {
        $termination.modal('hide');
        flash(answer.message);
        // Variant `sans-rafraichissement`: the counts shown stay the old ones until a reload.
        if (!$termination.hasClass('js-no-refresh')) reloadLoadedPanes();
      });
    });
    /* Variant `copie-cachee`: the hidden copy follows the visible field on `change` only (leaving it). */
    $(document).on('change', '.js-termination-form input[name="quantity"]', function () {
      $(this).closest('form').find('input[type="hidden"][name="quantite"]').val($(this).val());
    });

    /* Dissociation: a confirmation modal, then a POST. */
    const $dissociate = $('#dissociate-modal');
    $(document).on('click', '.js-dissociate', function () {
      const $button = $(this);
      $dissociate.data('url', $button.data('url'));
      $dissociate.find('.js-dissociate-number').text($button.data('number'));
      $dissociate.find('.js-dissociate-licence').text(String($button.data('licence')).toLowerCase());
      $dissociate.find('.js-dialog-error').addClass('hidden').empty();
      $dissociate.modal('show');
    });
    $(document).on('submit', '.js-dissociate-form', function (event) {
      event.preventDefault();
      postForm($(this), $dissociate.data('url'), (answer) => {
        $dissociate.modal('hide');
        flash(answer.message);
        reloadLoadedPanes();
      });
    });

    /* The mock's demo panel: drives the control endpoints, never the portal's own routes. */
    const $panel = $('.mock-demo-panel');
    if ($panel.length === 0) return;
    const $details = $panel.find('details');
    const $status = $panel.find('.mock-demo-status');
    if (window.sessionStorage.getItem('mock-demo-open') === '1') $details.attr('open', '');
    $details.on('toggle', () =>
      window.sessionStorage.setItem('mock-demo-open', $details.prop('open') ? '1' : '0'),
    );

    function control(path, body) {
      $status.text('…');
      return fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body || {}),
      })
        .then((response) =>
          response.json().then((answer) => {
            if (!response.ok) throw new Error(answer.message || `Erreur ${response.status}`);
            return answer;
          }),
        )
        .catch((error) => {
          $status.text(error.message);
          throw error;
        });
    }
    function reloadPortal() {
      if (/^\/services\/./.test(window.location.pathname)) window.location.assign('/services');
      else window.location.reload();
    }
    $panel.on('change', '#mock-scenario', function () {
      $panel
        .find('#mock-scenario-description')
        .text($(this).find('option:selected').data('description') || '');
    });
    $panel.on('click', '.js-mock-scenario', () => {
      control('/__mock/scenario', { name: $panel.find('#mock-scenario').val() }).then(reloadPortal, () => {});
    });
    $panel.on('click', '.js-mock-reset', () => {
      control('/__mock/reset').then(
        () => window.location.reload(),
        () => {},
      );
    });
    $panel.on('change', '.js-mock-fault', function () {
      const $input = $(this);
      const name = $input.attr('name');
      const value = $input.attr('type') === 'checkbox' ? $input.prop('checked') : Number($input.val() || 0);
      control('/__mock/faults', { [name]: value }).then(
        (state) => {
          const on = Object.keys(state.faults).filter((key) => state.faults[key]);
          $status.text(on.length ? `Pannes actives : ${on.join(', ')}` : 'Aucune panne active.');
        },
        () => {},
      );
    });
    $panel.on('click', '.js-mock-hide', (event) => {
      event.preventDefault();
      // The server remembers the choice in a cookie; keep the page's own query (filters, tab).
      const url = new URL(window.location.href);
      url.searchParams.set('demoPanel', '0');
      window.location.assign(url.toString());
    });
  });
})(window.jQuery);
