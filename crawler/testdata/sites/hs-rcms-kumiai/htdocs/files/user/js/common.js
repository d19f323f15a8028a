$(function () {
  $('.js-menu-toggle').on('click', function () {
    $('body').toggleClass('is-menu-open');
  });
  // event calendar (month navigation via RCMS API)
  var $cal = $('.js-event-calendar');
  if ($cal.length) {
    $cal.on('click', '.js-cal-prev, .js-cal-next', function () {
      var ym = $(this).data('ym');
      $.getJSON($cal.data('api'), { ym: ym }).done(function (res) {
        $cal.find('.p-calendar__title').text(res.title);
        $cal.find('tbody').html(res.html);
        $cal.find('.js-cal-prev').data('ym', res.prev);
        $cal.find('.js-cal-next').data('ym', res.next);
      });
    });
  }
});
