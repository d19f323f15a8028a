$(function(){
  $(".bs-header__menu-button").click(function(){ $(".bs-global-menu").toggleClass("open"); });
});
