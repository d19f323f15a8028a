$(function(){
  if ($(".bs-main-image__list").length) { $(".bs-main-image__list").bxSlider({auto:true,pause:5000}); }
  $(".bs-page-top").click(function(){ $("html,body").animate({scrollTop:0},300); return false; });
});
