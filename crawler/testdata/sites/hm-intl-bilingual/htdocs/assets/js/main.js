document.addEventListener('DOMContentLoaded',function(){
  document.querySelectorAll('.event-filter button').forEach(function(btn){
    btn.addEventListener('click',function(){
      var f=btn.getAttribute('data-filter');
      document.querySelectorAll('.event-filter button').forEach(function(b){b.classList.remove('active')});
      btn.classList.add('active');
      document.querySelectorAll('#upcoming [data-category]').forEach(function(c){
        c.style.display=(f==='all'||c.getAttribute('data-category')===f)?'':'none';
      });
    });
  });
});
